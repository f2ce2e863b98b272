// The ballot's running total: follows every tick once this script runs (the page loads it; see $lib/enhance).
// Without it the counter tells what the ballot held when the page was made, and the server checks the rest.
import { usePageLocale } from '$lib/enhance/locale';
import { counterText, type CounterData } from './counter-text';

const counter = document.querySelector<HTMLElement>('[data-ballot-counter]');
const form = counter?.closest('form');
if (counter && form) {
	usePageLocale();
	const data = JSON.parse(counter.dataset.ballotCounter ?? '{}') as CounterData;
	const show = () => {
		const chosen = form.querySelectorAll<HTMLInputElement>('input[name="projectIds"]:checked');
		const { text, over } = counterText([...chosen].map((box) => Number(box.dataset.cost)), data);
		counter.textContent = text;
		counter.classList.toggle('over', over);
		counter.hidden = false;
	};
	// ticks made before the script arrived count too
	form.addEventListener('change', show);
	show();
}
