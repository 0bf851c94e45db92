/** What each permission is called where the kit says what an application may do (its details, the prompt). */
export const permissionWords = {
  'permission.All': 'everything',
  'permission.Read': 'read',
  'permission.Create': 'add',
  'permission.Update': 'change',
  'permission.Delete': 'delete',
};
