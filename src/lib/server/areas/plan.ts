// The community plan is drawn, where pins are placed, at a width the server knows, so that the pixels a click on
// `<input type="image">` posts (pin.x, pin.y) can be turned into a share of the image without JavaScript.
// Pins are stored as thousandths of the width and height: a new plan image of the same place keeps them.

/** CSS pixels the placing form draws the plan at (it scrolls sideways on a narrow screen). */
export const PLAN_DRAWN_WIDTH = 720;

/** The height the plan is drawn at, for its width and height in pixels. */
export const drawnHeight = (plan: { width: number; height: number }) => Math.max(1, Math.round((PLAN_DRAWN_WIDTH * plan.height) / plan.width));

const perMille = (v: number, of: number) => Math.min(1000, Math.max(0, Math.round((v * 1000) / of)));

/** A click at (x, y) on the plan as drawn, as thousandths of its width and height. */
export function pinFromClick(x: number, y: number, plan: { width: number; height: number }): { x: number; y: number } {
	return { x: perMille(x, PLAN_DRAWN_WIDTH), y: perMille(y, drawnHeight(plan)) };
}
