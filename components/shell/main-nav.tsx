'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { NAV_ITEMS } from './nav-items';

export function MainNav({ items }: { items: readonly (typeof NAV_ITEMS)[number][] }) {
  const t = useTranslations();
  const pathname = usePathname();
  return (
    <nav aria-label={t('shell.mainNav')}>
      <ul className="flex gap-1">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className="block rounded px-3 py-2 text-sm font-medium text-white/90 hover:bg-white/10 aria-[current=page]:bg-white/20 aria-[current=page]:text-white"
              >
                {t(`nav.${item.label}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
