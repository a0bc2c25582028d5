// Prisma CLI configuration: the JS/WASM schema engine over adapter-pg 7 (no binary download).
// Recipe and the reasons for each patch: ../shared/TOOLCHAIN.md §2 option (a). Keep exact pins.
import { randomUUID } from "node:crypto";
import { defineConfig } from "prisma/config";
import pg from "pg";
// adapter-pg 7.x under an npm alias: 6.19.3's own adapter fails `migrate deploy` with
// "Column type 'name' could not be deserialized" (prisma/orm#27403).
import { PrismaPg } from "@prisma/adapter-pg-7";

// `prisma generate` (postinstall) needs no database; every other command does.
// The schema's env("DATABASE_URL") must resolve too, or Prisma 6.19.3 tries to download an engine.
const url = (process.env.DATABASE_URL ??= "postgresql://unset@localhost:1/unset");

type Field = { dataTypeID: number; name: string };
type QueryResult = { fields?: Field[]; rows: unknown[][] } | undefined;
type Queryable = { performIO: (query: unknown) => Promise<QueryResult>; __patched?: boolean };

/**
 * 1. Postgres "char" (OID 18) catalog columns are not mapped by adapter-pg 7: report them as text.
 * 2. Postgres 18 keeps NOT NULL constraints in pg_constraint (contype 'n') and the 6.19.3 engine
 *    panics on them: hide them, as Postgres <= 17 had none.
 */
function patchQueryable(adapter: object): void {
  let proto: object | null = Object.getPrototypeOf(adapter) as object | null;
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto) as object | null;
  const target = proto as Queryable | null;
  if (!target || target.__patched) return;
  const performIO = target.performIO;
  target.performIO = async function (this: unknown, query: unknown) {
    const res = await performIO.call(this, query);
    if (!res?.fields) return res;
    for (const f of res.fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
    const ci = res.fields.findIndex((f) => f.name === "constraint_type");
    if (ci >= 0) res.rows = res.rows.filter((r) => r[ci] !== "n");
    return res;
  };
  target.__patched = true;
}

/** adapter-pg 7's shadow database handling connects to the main database; do it ourselves. */
function pgAdapterFactory(connectionString: string) {
  const main = new PrismaPg({ connectionString, allowExitOnIdle: true });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      const adapter = await main.connect();
      patchQueryable(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(connectionString);
      shadowUrl.pathname = `/${name}`;
      const adapter = await new PrismaPg({ connectionString: shadowUrl.toString(), allowExitOnIdle: true }).connect();
      patchQueryable(adapter);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return adapter;
    },
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the config type lags the adapter type
  adapter: async () => pgAdapterFactory(url) as any, // eslint-disable-line @typescript-eslint/no-unsafe-return
});
