/** What each permission is called where the kit says what an application may do (its details, the prompt). */
export const permissionWords = { All: 'everything', Read: 'read', Create: 'add', Update: 'change', Delete: 'delete' };

export type PermissionWords = typeof permissionWords;
