// The print button (PrintButton.svelte) needs the browser's own print: shown and wired once this script runs;
// without it, the browser's menu prints the same page, laid out for paper by app.css.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
