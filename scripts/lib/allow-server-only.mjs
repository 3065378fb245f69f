// `node --import ./scripts/lib/allow-server-only.mjs`: lets command-line scripts
// (benchmarks, admin tools) import server-only data modules, which Next would
// otherwise refuse outside its server bundle.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }
    `),
);
