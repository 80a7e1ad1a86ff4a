// Prints a readable summary of an analysis JSON (the CLI's output): the sidebar's own Markdown
// export, so `./build.sh demo` shows what the sidebar will say.
import fs from "node:fs";
import { sidebarModule, messages } from "./lib-node.mjs";

const file = process.argv[2];
const analysis = JSON.parse(fs.readFileSync(file, "utf8"));
const S = sidebarModule();
process.stdout.write(S.toMarkdown(analysis, messages("en"), "en"));
