import { main } from '../../../scripts/cli/main.js';

/** Runs the CLI in this process, as `coursemark <args>`, collecting what it prints. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => (out += text), err: (text) => (err += text), color: false });
  return { code, out, err };
}
