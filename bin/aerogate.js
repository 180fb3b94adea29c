#!/usr/bin/env node
// The `aerogate` command: runs the compiled CLI (build it with `npm run build`).
import { runCli } from "../dist/src/cli.js";

const code = await runCli(process.argv.slice(2));
// The Aerospike client keeps native handles open after close; exit explicitly once the command is done.
process.exit(code);
