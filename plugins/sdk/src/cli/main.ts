#!/usr/bin/env node
import { createPlugin } from './create-plugin.js';
import { packPlugin } from './pack-plugin.js';
import { validatePlugin } from './validate-plugin.js';

const USAGE = `loom-plugin create <name> [--dir <parent>]   scaffold a plugin
loom-plugin validate [dir]                     check plugin.json, its metadata over the base CRM and the engine range
loom-plugin pack [dir] [--out <dir>]           build a tarball of a valid, built plugin`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  switch (command) {
    case 'create': {
      if (!positional[0]) break;
      const dir = createPlugin(positional[0], option(args, '--dir') ?? process.cwd());
      console.log(`created ${dir}`);
      return 0;
    }
    case 'validate': {
      const { name, errors } = validatePlugin(positional[0] ?? process.cwd());
      for (const e of errors) console.error(`${e.path}: ${e.message}${e.code ? ` [${e.code}]` : ''}`);
      console.log(errors.length ? `${name ?? 'plugin'}: ${errors.length} problem(s)` : `${name}: valid`);
      return errors.length ? 1 : 0;
    }
    case 'pack': {
      const file = await packPlugin(positional[0] ?? process.cwd(), option(args, '--out'));
      console.log(`packed ${file}`);
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e: unknown) => {
  console.error(`loom-plugin: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
