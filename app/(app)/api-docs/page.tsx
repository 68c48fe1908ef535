import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { openApiDocument } from '@/lib/api/openapi';
import { PROBLEMS, type ProblemStatus } from '@/lib/api/problem';
import { fieldRows, rulesOf, typeOf } from '@/components/api-docs/schema-fields';

type JsonSchema = Record<string, unknown>;
type Param = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Op = {
  operationId: string; summary: string; description?: string; tags: string[]; parameters?: Param[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, { description: string }>;
};

const th = 'px-2 py-1 text-left font-medium';
const td = 'px-2 py-1 align-top';

/** The API reference, rendered here from the OpenAPI document (no script from elsewhere: the CSP forbids it). */
export default async function ApiDocsPage() {
  await requirePermission('account:self');
  const t = await getTranslations('apiDocs');
  const doc = openApiDocument();
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

  return (
    <div className="max-w-5xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p>{t('intro', { version: doc.info.version, url: '/api/v1/openapi.json' })}</p>
        {doc.info.description.split('\n\n').map((p) => <p key={p} className="text-sm text-slate-700">{p}</p>)}
        <p className="text-sm">{t('howTo')}</p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-sm text-slate-50"><code>{'curl -H "Authorization: Bearer $CPU_TOKEN" https://<host>/api/v1/investigations?year=2021'}</code></pre>
      </header>

      <nav aria-labelledby="ops-title">
        <h2 id="ops-title" className="text-lg font-semibold">{t('operations')}</h2>
        <ul className="mt-2 list-disc pl-6 text-sm">
          {ops.map(({ path, method, op }) => (
            <li key={op.operationId}><a className="text-brand-700 underline" href={`#${op.operationId}`}><code>{method} /api/v1{path}</code></a> — {op.summary}</li>
          ))}
        </ul>
      </nav>

      {ops.map(({ path, method, op }) => {
        const bodyRef = op.requestBody?.content['application/json']?.schema.$ref;
        const body = bodyRef ? schemas[bodyRef.split('/').pop()!] : undefined;
        return (
          <section key={op.operationId} id={op.operationId} aria-labelledby={`${op.operationId}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`${op.operationId}-title`} className="text-lg font-semibold">
              <code className="rounded bg-slate-100 px-1">{method}</code> <code>/api/v1{path}</code>
            </h2>
            <p className="font-medium">{op.summary}</p>
            {op.description?.split('\n\n').map((p) => <p key={p} className="text-sm text-slate-700">{p}</p>)}
            {op.parameters && (
              <table className="w-full text-sm">
                <caption className="text-left font-medium">{t('parameters')}</caption>
                <thead className="bg-slate-100"><tr><th scope="col" className={th}>{t('field')}</th><th scope="col" className={th}>{t('in')}</th><th scope="col" className={th}>{t('type')}</th><th scope="col" className={th}>{t('required')}</th><th scope="col" className={th}>{t('constraints')}</th></tr></thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100">
                      <td className={td}><code>{p.name}</code></td><td className={td}>{p.in}</td><td className={td}>{typeOf(p.schema)}</td>
                      <td className={td}>{p.required ? t('yes') : t('no')}</td><td className={td}>{[p.description, rulesOf(p.schema)].filter(Boolean).join(' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {body && (
              <table className="w-full text-sm">
                <caption className="text-left font-medium">{t('requestBody')} (application/json)</caption>
                <thead className="bg-slate-100"><tr><th scope="col" className={th}>{t('field')}</th><th scope="col" className={th}>{t('type')}</th><th scope="col" className={th}>{t('required')}</th><th scope="col" className={th}>{t('constraints')}</th></tr></thead>
                <tbody>
                  {fieldRows(body).map((f) => (
                    <tr key={f.name} className="border-t border-slate-100">
                      <td className={td}><code>{f.name}</code></td><td className={td}>{f.type}</td><td className={td}>{f.required ? t('yes') : t('no')}</td><td className={td}>{f.rules}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <table className="w-full text-sm">
              <caption className="text-left font-medium">{t('responses')}</caption>
              <thead className="bg-slate-100"><tr><th scope="col" className={th}>{t('status')}</th><th scope="col" className={th}>{t('meaning')}</th></tr></thead>
              <tbody>
                {Object.entries(op.responses).map(([status, r]) => (
                  <tr key={status} className="border-t border-slate-100"><td className={td}>{status}</td><td className={td}>{r.description}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}

      <section aria-labelledby="problems-title" className="space-y-2">
        <h2 id="problems-title" className="text-lg font-semibold">{t('problems')}</h2>
        <p className="text-sm">{t('problemsIntro')}</p>
        <ul className="list-disc pl-6 text-sm">
          {(Object.keys(PROBLEMS) as unknown as ProblemStatus[]).map((status) => (
            <li key={status} id={`problem-${PROBLEMS[status].slug}`}><code>{status}</code> {PROBLEMS[status].title}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
