export const loginUrlFor = (slug: string, menuId: number) => `/login?next=${encodeURIComponent(`/c/${slug}/menus/${menuId}/ballot`)}`;
