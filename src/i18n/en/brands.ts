/** Brands, roles, settings, permissions. */
export const brands = {
  'brand.notFound': 'No brand "{brand}". `/tandem help` lists your brands.',
  'permission.denied': 'This needs the {required} role (you have: {current}). Ask a brand admin to run `/tandem role @you {required}`.',
  'role.lastAdmin': 'This is the brand’s last admin: make someone else admin first.',
  'setting.unknown': 'Unknown setting "{key}". Settings: {keys}.',
  'setting.invalid': 'Setting {key} {problem}.',
} as const;
