import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import { CLIENT_MESSAGE_PATHS, pickMessages } from './client-messages';

const root = path.resolve(__dirname, '../..');
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const covered = (key: string) => CLIENT_MESSAGE_PATHS.some((p) => key === p || key.startsWith(`${p}.`));

/**
 * The message paths a file reads through useTranslations: the namespace given, or for a
 * root useTranslations() the namespace of every literal key it names: 'shell.mainNav' reads
 * "shell", 'caseEdit.errors.' (a prefix) reads "caseEdit.errors", `nav.${…}` reads "nav".
 */
function pathsRead(source: string): string[] {
  const read = [...source.matchAll(/useTranslations\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
  if (!/useTranslations\(\s*\)/.test(source)) return read;
  const topLevel = new Set(Object.keys(en));
  const keys = [
    ...[...source.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)+)(\.?)'/g)].map((m) => (m[2] ? m[1]! : m[1]!.replace(/\.[a-zA-Z]+$/, ''))),
    ...[...source.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z]+)*)\.\$\{/g)].map((m) => m[1]!),
  ];
  return [...read, ...keys.filter((k) => topLevel.has(k.split('.')[0]!))];
}

describe('client messages', () => {
  const files = ['app', 'components', 'lib'].flatMap(sourceFiles).filter((f) => readFileSync(f, 'utf8').includes('useTranslations('));

  it('every useTranslations namespace is sent to the browser', () => {
    expect(files.length).toBeGreaterThan(20);
    const missing = files.flatMap((f) => pathsRead(readFileSync(f, 'utf8')).filter((k) => !covered(k)).map((k) => `${path.relative(root, f)}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('reads the keys of a root useTranslations()', () => {
    expect(pathsRead("const t = useTranslations(); t('shell.mainNav'); t(`nav.${x}`); t('caseTeam.errors.gone')").sort()).toEqual(['caseTeam.errors', 'nav', 'shell']);
  });

  it('picks dotted paths, nested as in the messages, and far less than all of them', () => {
    const picked = pickMessages(en, CLIENT_MESSAGE_PATHS);
    expect(picked.home).toEqual({ find: en.home.find });
    expect(Object.keys(picked)).not.toContain('dashboard');
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(en).length * 0.75);
  });
});
