// As the title is typed, the new-proposal page asks for similar live proposals and shows them under it (without
// this script, the first submit shows them). The page loads it (see $lib/enhance); the list comes made by the
// server (../similar/+server.ts), parsed inert and put in place.
const form = document.querySelector<HTMLFormElement>('form[data-similar]');
const slot = form?.querySelector<HTMLElement>('[data-similar-slot]');
const title = form?.elements.namedItem('title');
const seen = form?.elements.namedItem('seen');
if (form && slot && title instanceof HTMLInputElement && seen instanceof HTMLInputElement) {
	const show = (html: string) => {
		const list = new DOMParser().parseFromString(html, 'text/html').body;
		// the ids shown go with the form, so that filing after seeing them does not ask again
		seen.value = list.querySelector<HTMLElement>('[data-ids]')?.dataset.ids ?? '';
		slot.replaceChildren(...list.childNodes);
	};
	// a list the server already showed (after a first submit) is the one for the title as it stands
	let asked = slot.childElementCount ? title.value.trim() : '';
	let timer: ReturnType<typeof setTimeout> | undefined;
	const lookUp = () => {
		clearTimeout(timer);
		timer = setTimeout(async () => {
			const typed = title.value.trim();
			if (typed === asked) return;
			asked = typed;
			if ([...typed].length < 2) return show('');
			const response = await fetch(`${form.dataset.similar}?title=${encodeURIComponent(typed)}`);
			if (response.ok && asked === typed) show(await response.text());
		}, 350);
	};
	title.addEventListener('input', lookUp);
	// a title typed before the script arrived (a slow phone) sent no input event the page could hear
	if (title.value.trim()) lookUp();
}
