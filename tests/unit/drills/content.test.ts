import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DRILL_CONTENT_DIR, loadDrillContent, REQUIRED_DRILL_SLUGS } from "@/lib/drills/load-content";
import { drillContentSchema } from "@/lib/drills/schema";

describe("drill content files", () => {
  const files = readdirSync(DRILL_CONTENT_DIR).filter((f) => f.endsWith(".json"));

  it.each(files)("%s is valid and its slug matches the file name", (file) => {
    const raw: unknown = JSON.parse(readFileSync(path.join(DRILL_CONTENT_DIR, file), "utf8"));
    const drill = drillContentSchema.parse(raw);
    expect(drill.slug).toBe(file.replace(/\.json$/, ""));
  });

  it("covers every required slug, with kinds and scenarios as promised", () => {
    const drills = loadDrillContent();
    const bySlug = new Map(drills.map((d) => [d.slug, d]));
    for (const slug of REQUIRED_DRILL_SLUGS) expect(bySlug.has(slug), slug).toBe(true);
    expect(bySlug.get("framework-steps")?.kind).toBe("recitation");
    for (const scenario of ["stale-features", "null-spike", "concept-drift", "training-serving-skew"]) {
      const drill = bySlug.get(`diagnose-${scenario}`);
      expect(drill?.kind).toBe("diagnosis");
      expect(drill?.scenario).toBe(scenario);
    }
  });

  it("returns drills sorted by order with unique orders", () => {
    const orders = loadDrillContent().map((d) => d.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });
});

describe("loadDrillContent errors", () => {
  const valid = JSON.parse(readFileSync(path.join(DRILL_CONTENT_DIR, "tradeoffs.json"), "utf8")) as Record<string, unknown>;

  it("names the file and the field on invalid content", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "drills-"));
    writeFileSync(path.join(dir, "tradeoffs.json"), JSON.stringify({ ...valid, kind: "essay" }));
    expect(() => loadDrillContent(dir)).toThrow(/tradeoffs\.json.*"kind"/);
  });

  it("rejects a slug that differs from the file name", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "drills-"));
    writeFileSync(path.join(dir, "other.json"), JSON.stringify(valid));
    expect(() => loadDrillContent(dir)).toThrow(/other\.json.*"slug"/);
  });

  it("names the file on malformed JSON", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "drills-"));
    writeFileSync(path.join(dir, "broken.json"), "{ not json");
    expect(() => loadDrillContent(dir)).toThrow(/broken\.json.*invalid JSON/);
  });
});
