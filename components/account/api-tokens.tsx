import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import type { Viewer } from '@/lib/policy';
import { listOwnTokens } from '@/db/queries/api-tokens';
import { CreateTokenForm } from './create-token-form';
import { RevokeTokenButton } from './revoke-token-button';

/** "API tokens" on My account: make one (shown once), see one's own, revoke them. */
export async function ApiTokensSection({ viewer }: { viewer: Viewer }) {
  const [t, fmt, tokens] = await Promise.all([getTranslations('apiTokens'), getFormatLocale(), listOwnTokens(viewer)]);
  const when = (at: Date | null) => (at ? formatDateTime(at, fmt) : t('never'));
  return (
    <section aria-labelledby="api-tokens-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="api-tokens-title" className="text-lg font-semibold">{t('title')}</h2>
      <p className="mb-3 text-sm text-slate-600">
        {t('intro')} <Link href="/api-docs" className="text-brand-700 underline">{t('reference')}</Link>
      </p>
      <CreateTokenForm />
      {tokens.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t('none')}</p>
      ) : (
        <div className="mt-4">
          <DataTable testId="api-tokens" columns={[t('name'), t('prefix'), t('created'), t('expires'), t('lastUsed'), t('state')]}>
            {tokens.map((token) => (
              <tr key={token.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">{token.name}</td>
                <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
                <td className="px-3 py-2">{when(token.createdAt)}</td>
                <td className="px-3 py-2">{when(token.expiresAt)}</td>
                <td className="px-3 py-2">{when(token.lastUsedAt)}</td>
                <td className="px-3 py-2">
                  {token.revokedAt ? t('revoked') : token.expired ? t('expired') : <RevokeTokenButton tokenId={token.id} name={token.name} />}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
