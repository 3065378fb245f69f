// The first setup file, so DATABASE_URL names this worker's own database before any test
// file (or the setup files after this one) imports lib/db.
import { assignWorkerDatabase } from "./support/test-database";

await assignWorkerDatabase();
