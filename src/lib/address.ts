// A home address as the resident typed it, with the words for building and unit added only where the typed
// text is a bare number: "3" becomes "3 棟", "3 棟" and "3號樓" stay as they are (never "3 棟 棟"); a room
// "502" becomes "502 室", and "502 室", "502房" or "B2" stay as typed.
import { m } from '$lib/paraglide/messages';

const BARE = /^[0-9０-９]+[A-Za-z]?$|^[0-9０-９]+-[0-9０-９]+$/;

export function addressLine(a: { compound?: string | null; building?: string | null; unit?: string | null; room?: string | null }): string {
	const parts: string[] = [];
	if (a.compound) parts.push(a.compound.trim());
	const building = a.building?.trim();
	if (building) parts.push(/^[0-9０-９]+[A-Za-z]?$/.test(building) ? m.address_building({ building }) : building);
	const unit = a.unit?.trim();
	if (unit) parts.push(BARE.test(unit) ? m.address_unit({ unit }) : unit);
	const room = a.room?.trim();
	if (room) parts.push(/^[0-9０-９]+[A-Za-z]?$/.test(room) ? m.address_room({ room }) : room);
	return parts.join(' ');
}
