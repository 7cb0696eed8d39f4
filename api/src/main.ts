import { buildApp } from "./app.js";
import { logger } from "./lib/logger.js";

const app = await buildApp();
const url = await app.start();
logger.info({ url: `${url}/graphql` }, "API listening");
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void app.stop().then(() => process.exit(0)));
