// The console's entry point: starts the first reads (first-reads.js), then loads the console itself. With app.js
// as the entry, the reads left only after every module of the console had been compiled.
import { firstReads } from "./first-reads.js";

firstReads();
import("./app.js");
