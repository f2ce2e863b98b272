// The demo street's service catalogue (Open311 services) for 吹哨派單: eight kinds of problem, each with its default
// department and deadline class, two with extra questions. Made through the real commands, as street staff would.
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/server/db/client';
import { users } from '../../lib/server/auth/schema';
import { loadActor } from '../../lib/server/residency/queries';
import type { Result } from '../../lib/server/result';
import { addAttribute, createService } from '../../lib/server/dispatch/catalogue';
import type { DeadlineClass, ServiceGroup } from '../../lib/codes';
import type { DemoIds } from './foundation';

type Plan = {
	code: string;
	names: [string, string, string];
	group: ServiceGroup;
	department: '城管執法隊' | '市政維護中心' | '住建局';
	deadlineClass: DeadlineClass;
	keywords: string;
	description: string;
	questions?: { code: string; description: string; datatype: 'string' | 'singlevaluelist' | 'multivaluelist' | 'number'; required?: boolean; choices?: string[] }[];
};

export const DEMO_SERVICES: Plan[] = [
	{
		code: 'streetlight',
		names: ['路燈', '路灯', 'Street light'],
		group: 'utilities',
		department: '市政維護中心',
		deadlineClass: 'help',
		keywords: '路燈,燈,照明,不亮',
		description: '路燈不亮、閃爍、白天亮著或燈桿損壞。',
		questions: [
			{ code: 'pole', description: '燈桿上的編號（如看得到）', datatype: 'string' },
			{ code: 'fault', description: '路燈怎麼了？', datatype: 'singlevaluelist', required: true, choices: ['完全不亮', '一閃一閃', '白天也亮', '燈桿歪斜或損壞'] }
		]
	},
	{ code: 'road_damage', names: ['道路破損', '道路破损', 'Damaged road'], group: 'roads', department: '市政維護中心', deadlineClass: 'help', keywords: '坑洞,路面,井蓋,人行道', description: '路面坑洞、井蓋缺失或鬆動、人行道磚塊翹起。' },
	{ code: 'garbage', names: ['垃圾清運', '垃圾清运', 'Rubbish collection'], group: 'sanitation', department: '城管執法隊', deadlineClass: 'help', keywords: '垃圾,清運,堆放,異味', description: '垃圾沒有按時清運、亂堆亂放、垃圾桶滿溢。' },
	{ code: 'illegal_building', names: ['違章搭建', '违章搭建', 'Unauthorised building'], group: 'building', department: '城管執法隊', deadlineClass: 'complaint', keywords: '違建,搭建,加建,圍蔽', description: '未經批准的加建、搭棚、圍蔽公共空間。' },
	{ code: 'noise', names: ['噪音擾民', '噪音扰民', 'Noise nuisance'], group: 'order', department: '城管執法隊', deadlineClass: 'complaint', keywords: '噪音,施工,廣場舞,夜間', description: '夜間施工、商鋪喇叭、長時間的噪音。' },
	{ code: 'greenery', names: ['綠化養護', '绿化养护', 'Trees and green space'], group: 'greenery', department: '市政維護中心', deadlineClass: 'complaint', keywords: '樹,草地,修剪,倒伏', description: '樹木需要修剪、倒伏，草地枯死或被佔用。' },
	{
		code: 'fire_lane',
		names: ['消防通道佔用', '消防通道占用', 'Blocked fire lane'],
		group: 'safety',
		department: '城管執法隊',
		deadlineClass: 'urgent',
		keywords: '消防,通道,堵塞,停車',
		description: '消防通道被車輛、雜物或攤檔堵住。當天處理。',
		questions: [{ code: 'blocked_by', description: '被什麼堵住了？', datatype: 'multivaluelist', required: true, choices: ['汽車', '電動車或單車', '雜物', '攤檔'] }]
	},
	{ code: 'water_leak', names: ['漏水', '漏水', 'Water leak'], group: 'utilities', department: '住建局', deadlineClass: 'help', keywords: '漏水,水管,滲水,爆管', description: '公共水管漏水、爆管，樓道或外牆滲水。' }
];

function must<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo dispatch: ${what} failed: ${result.error} ${JSON.stringify(result.fields ?? {})}`);
	return result.value;
}

/** Creates the catalogue as the street's staff; returns the service ids by code. */
export function seedDispatchCatalogue(db: Db, ids: DemoIds, now: number): Record<string, number> {
	const user = db.select().from(users).where(eq(users.id, ids.user.street)).get()!;
	const street = loadActor(db, user, null);
	const out: Record<string, number> = {};
	for (const plan of DEMO_SERVICES) {
		const [nameHant, nameHans, nameEn] = plan.names;
		const input = {
			code: plan.code,
			nameHant,
			nameHans,
			nameEn,
			group: plan.group,
			keywords: plan.keywords,
			description: plan.description,
			departmentId: String(ids.department[plan.department]),
			deadlineClass: plan.deadlineClass,
			active: 'on'
		};
		const { id } = must(createService(db, street, { streetId: ids.streetId }, input, now), `service ${plan.code}`);
		out[plan.code] = id;
		for (const q of plan.questions ?? []) {
			const question = { serviceId: String(id), code: q.code, description: q.description, datatype: q.datatype, required: q.required ? 'on' : '', choices: (q.choices ?? []).join('\n') };
			must(addAttribute(db, street, { streetId: ids.streetId, id }, question, now), `question ${q.code}`);
		}
	}
	return out;
}
