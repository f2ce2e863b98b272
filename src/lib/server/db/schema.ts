// Every domain's tables, for drizzle-kit and the typed client. Add a domain's schema here.
export * from '../org/schema';
export * from '../auth/schema';
export * from '../residency/schema';
export * from '../audit/schema';
export * from '../rate-limit/schema';
export * from '../notifications/schema';
export * from '../menus/schema';
export * from '../menus/implementation/schema';
export * from '../proposals/schema';
export * from '../consultations/schema';
export * from '../jobs/schema';
export * from '../ratings/schema';
export * from '../evaluations/schema';
export * from '../areas/schema';
export * from '../dispatch/schema';
export * from '../uploads/schema';
