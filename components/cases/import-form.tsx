'use client';

import { useId, useRef, useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';

type Problem = { line: number; column: string; code: string; message: string };
type Result = { type: 'result'; mode: 'check' | 'import'; lines: number; cases: number; existing: number; created: number; problems: Problem[]; problemCount: number };
type State =
  | { step: 'idle' }
  | { step: 'running'; mode: 'check' | 'import'; fraction: number; lines: number }
  | { step: 'done'; result: Result }
  | { step: 'failed'; message: string };

/**
 * Sends the file as the request body (the browser streams it from disk) and reads the
 * server's NDJSON answer as it arrives. XMLHttpRequest rather than fetch: it reports how
 * much of the upload has gone, which is how far the server has read.
 */
function upload(file: File, mode: 'check' | 'import', onProgress: (fraction: number, lines: number) => void): Promise<Result | { type: 'error'; message: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let lines = 0;
    let fraction = 0;
    xhr.open('POST', `/cases/import/upload?mode=${mode}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) fraction = e.loaded / e.total;
      onProgress(fraction, lines);
    };
    const lastMessages = () => xhr.responseText.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; lines?: number });
    xhr.onprogress = () => {
      const progress = lastMessages().filter((m) => m.type === 'progress').at(-1);
      if (progress?.lines) lines = progress.lines;
      onProgress(fraction, lines);
    };
    xhr.onload = () => {
      if (xhr.status !== 200) return resolve({ type: 'error', message: xhr.responseText });
      try {
        const last = lastMessages().at(-1);
        if (last && (last.type === 'result' || last.type === 'error')) resolve(last as Result);
        else reject(new Error('incomplete'));
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

export function ImportForm() {
  const t = useTranslations('caseImport');
  const inputId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: 'idle' });

  async function run(mode: 'check' | 'import') {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setState({ step: 'failed', message: t('chooseFile') });
      return;
    }
    setState({ step: 'running', mode, fraction: 0, lines: 0 });
    try {
      const answer = await upload(file, mode, (fraction, lines) => setState({ step: 'running', mode, fraction, lines }));
      setState(answer.type === 'result' ? { step: 'done', result: answer } : { step: 'failed', message: answer.message });
    } catch {
      setState({ step: 'failed', message: t('uploadFailed') });
    }
  }

  const running = state.step === 'running';
  const checked = state.step === 'done' && state.result.mode === 'check' && state.result.problemCount === 0;
  return (
    <section aria-labelledby="upload-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="upload-heading" className="text-xl font-semibold">{t('uploadTitle')}</h2>
      <div>
        <label htmlFor={inputId} className="block font-medium">{t('file')}</label>
        <input
          id={inputId} ref={fileRef} type="file" accept=".csv,text/csv" aria-describedby={hintId}
          className="mt-1 block text-sm" onChange={() => setState({ step: 'idle' })} disabled={running}
        />
        <p id={hintId} className="mt-1 text-sm text-slate-600">{t('fileHint')}</p>
      </div>
      <div className="flex gap-3">
        <button type="button" onClick={() => run('check')} disabled={running}
          className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50">
          {t('check')}
        </button>
        {checked && (
          <button type="button" onClick={() => run('import')}
            className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900">
            {t('import', { count: state.result.cases - state.result.existing })}
          </button>
        )}
      </div>

      <div aria-live="polite" className="space-y-3">
        {running && (
          <div>
            <label className="block text-sm" htmlFor={`${inputId}-progress`}>
              {state.mode === 'check' ? t('checking', { lines: state.lines }) : t('importing', { lines: state.lines })}
            </label>
            <progress id={`${inputId}-progress`} max={1} value={state.fraction} className="h-3 w-full max-w-md" />
          </div>
        )}
        {state.step === 'failed' && <p className="font-medium text-red-700">{state.message}</p>}
        {state.step === 'done' && <Outcome result={state.result} />}
      </div>
    </section>
  );
}

function Outcome({ result }: { result: Result }) {
  const t = useTranslations('caseImport');
  if (result.problemCount > 0) {
    return (
      <div className="space-y-2">
        <p className="font-medium text-red-700" data-testid="import-problem-count">
          {t('problems', { count: result.problemCount })} {result.mode === 'import' && t('nothingImported')}
        </p>
        {result.problems.length < result.problemCount && <p className="text-sm">{t('firstProblems', { count: result.problems.length })}</p>}
        <DataTable columns={[t('line'), t('column'), t('problem')]} testId="import-problems">
          {result.problems.map((p, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className="px-3 py-2 tabular-nums">{p.line}</td>
              <td className="px-3 py-2 font-mono text-xs">{p.column}</td>
              <td className="px-3 py-2">{p.message}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    );
  }
  if (result.mode === 'check') {
    return (
      <p className="font-medium text-green-800" data-testid="import-checked">
        {t('checked', { lines: result.lines, cases: result.cases })} {result.existing > 0 && t('alreadyImported', { count: result.existing })}
      </p>
    );
  }
  return (
    <p className="font-medium text-green-800" data-testid="import-done">
      {t('done', { count: result.created })} {result.existing > 0 && t('alreadyImported', { count: result.existing })}{' '}
      <Link href="/cases" className="text-brand-700 underline">{t('seeCases')}</Link>
    </p>
  );
}
