import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * `npm run new-provider -- MUX "Mux"`: a new provider from templates/provider, with its module, client,
 * wire and map, GraphQL part and sandbox, and its one line in src/providers/index.ts. What it prints is
 * every file it wrote or changed. The provider then typechecks, serves its sandbox's assets, and has its
 * secret scrubbed from logs; its real API is the next thing to write.
 */
const [enumName, label] = process.argv.slice(2);
if (!enumName || !/^[A-Z][A-Z0-9_]*$/.test(enumName) || !label) {
  console.error('usage: npm run new-provider -- <ENUM_NAME> "<Label>"   (e.g. MUX "Mux")');
  process.exit(2);
}
const pascal = label.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase());
const camel = pascal[0]!.toLowerCase() + pascal.slice(1);
const folder = enumName.toLowerCase().replace(/_/g, '');
let seed = 0x811c9dc5;
for (const c of enumName) seed = Math.imul(seed ^ c.charCodeAt(0), 0x01000193) >>> 0;
const tokens: Record<string, string> = {
  __ENUM__: enumName,
  __LABEL__: label,
  __PASCAL__: pascal,
  __CAMEL__: camel,
  __FOLDER__: folder,
  __ENV__: enumName,
  __SEED__: seed.toString(16),
};
const fill = (text: string) => text.replace(/__[A-Z]+__/g, (token) => tokens[token] ?? token);

const root = process.cwd();
const template = join(root, 'templates', 'provider');
const written: string[] = [];
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
for (const file of walk(template)) {
  const target = join(root, fill(relative(template, file)));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, fill(readFileSync(file, 'utf8')));
  written.push(relative(root, target));
}

// The one line in the list (and the import it needs).
const listFile = join(root, 'src', 'providers', 'index.ts');
const list = readFileSync(listFile, 'utf8')
  .replace(/(import type \{ ProviderClient \} from '\.\/port\.js';\n)/, `$1import { ${camel} } from './${folder}/index.js';\n`)
  .replace(/export const PROVIDER_MODULES = \[([^\]]*)\] as const;/, (_, items: string) => `export const PROVIDER_MODULES = [${items}, ${camel}] as const;`);
writeFileSync(listFile, list);
written.push(relative(root, listFile));
console.log(written.join('\n'));
