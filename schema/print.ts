import { subgraphSdl } from './sdl.js';

/** Prints the subgraph SDL: what codegen.ts reads (through tsx, which loads the providers' parts natively). */
process.stdout.write(await subgraphSdl());
