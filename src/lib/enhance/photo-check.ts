// Too many or too large photos are said beside the field as soon as they are chosen, and the form is not sent, so
// that 30 MB do not travel over a phone's connection only to be refused; the server checks anyway. A file field
// opts in with data-photo-check='{"max":6,"maxBytes":5242880,"tooMany":"…","tooBig":"…"}' (words from the page,
// in its language) and its error element is #ID-error.
type Check = { max: number; maxBytes: number; tooMany: string; tooBig: string };

for (const input of document.querySelectorAll<HTMLInputElement>('input[type="file"][data-photo-check]')) {
	const check = JSON.parse(input.dataset.photoCheck ?? '{}') as Check;
	const hint = input.getAttribute('aria-describedby') ?? '';
	// what the server said (a refused post) comes back when the choice is fine again
	const said = document.getElementById(`${input.id}-error`);
	const saidText = said?.textContent ?? '';
	const error = said ?? Object.assign(document.createElement('span'), { className: 'error', id: `${input.id}-error` });
	input.addEventListener('change', () => {
		const files = [...(input.files ?? [])];
		const problem = files.length > check.max ? check.tooMany : files.some((f) => f.size > check.maxBytes) ? check.tooBig : '';
		input.setCustomValidity(problem);
		const text = problem || saidText;
		error.textContent = text;
		if (text && !error.isConnected) input.after(error);
		if (!text) error.remove();
		input.setAttribute('aria-describedby', text && !said ? `${hint} ${error.id}` : hint);
		if (text) input.setAttribute('aria-invalid', 'true');
		else input.removeAttribute('aria-invalid');
	});
}
