// A <details> the server opens (a refused form reopens where it was) is spread `{...openIf(open)}` instead
// of taking `open={open}`. With the attribute, hydration sets `details.open = false` on every closed one, so
// a resident who tapped a summary before the page's script arrived (a slow phone) saw it snap shut again.
// A spread leaves an attribute it does not name alone while hydrating, and still opens or closes the
// element when the value changes afterwards.
export function openIf(open: boolean): { open?: true } {
	return open ? { open: true } : {};
}
