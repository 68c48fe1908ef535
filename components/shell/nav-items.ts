import type { Permission } from '@/lib/policy';

/** The shell's navigation: each entry shows only to roles holding its permission. */
export const NAV_ITEMS = [
  { href: '/home', label: 'home', permission: 'cases:list' },
  { href: '/cases', label: 'cases', permission: 'cases:list' },
  { href: '/dashboard', label: 'dashboard', permission: 'dashboard:read' },
  { href: '/reports', label: 'reports', permission: 'reports:read' },
  { href: '/expenditure', label: 'expenditure', permission: 'expenditure:manage' },
  { href: '/admin/users', label: 'people', permission: 'users:manage' },
  { href: '/admin/agencies', label: 'agencies', permission: 'agencies:manage' },
  { href: '/admin/reference', label: 'reference', permission: 'reference:manage' },
  { href: '/admin/audit', label: 'audit', permission: 'audit:read' },
  { href: '/account', label: 'account', permission: 'account:self' },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];
