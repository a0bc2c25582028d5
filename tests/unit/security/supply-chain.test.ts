/**
 * XSS-03: one raw-HTML sink at most, inside the sanitising renderer. CFG-02: the installed framework
 * versions are at or above the releases that fix the CVEs RELIABILITY §1.4 lists (npm audit needs the
 * registry's advisory service, which this loopback machine does not reach).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const version = (pkg: string) => (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;
const atLeast = (v: string, min: string) => {
  const [a, b] = [v, min].map((s) => s.split("-")[0]!.split(".").map(Number));
  for (let i = 0; i < 3; i++) if (a![i]! !== b![i]!) return a![i]! > b![i]!;
  return true;
};

describe("[XSS-03] raw HTML sinks", () => {
  it("dangerouslySetInnerHTML / innerHTML / rehype-raw appear nowhere in app, components or lib", () => {
    let hits = "";
    try {
      hits = execFileSync("git", ["grep", "-nE", "dangerouslySetInnerHTML|\\.innerHTML\\s*=|rehype-raw|allowDangerousHtml", "--", "app", "components", "lib"], { encoding: "utf8" });
    } catch {
      hits = ""; // git grep exits 1 when nothing matches
    }
    expect(hits.trim().split("\n").filter(Boolean)).toEqual([]);
  });
});

describe("[CFG-02] dependency floors", () => {
  it.each([
    ["next", "16.2.11"],
    ["next-auth", "4.24.5"],
    ["react", "19.2.1"],
    ["react-dom", "19.2.1"],
  ])("%s ≥ %s", (pkg, min) => {
    expect(atLeast(version(pkg), min), `${pkg} ${version(pkg)}`).toBe(true);
  });
});
