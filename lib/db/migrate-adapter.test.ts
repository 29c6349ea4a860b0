import { describe, expect, it } from "vitest";
import { fixCatalogResult } from "./migrate-adapter";

const field = (name: string, dataTypeID: number) => ({ name, dataTypeID });

describe("fixCatalogResult", () => {
  it('reports name and "char" columns (and their arrays) as text', () => {
    const result = fixCatalogResult({
      fields: [
        field("relname", 19),
        field("relkind", 18),
        field("names", 1003),
        field("kinds", 1002),
        field("n", 23),
      ],
      rows: [["users", "r", ["a"], ["b"], 1]],
    });
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([25, 25, 1009, 1009, 23]);
    expect(result.rows).toEqual([["users", "r", ["a"], ["b"], 1]]);
  });

  it("drops PostgreSQL 18 NOT NULL constraint rows", () => {
    const result = fixCatalogResult({
      fields: [field("constraint_name", 19), field("constraint_type", 18)],
      rows: [
        ["users_pkey", "p"],
        ["users_email_not_null", "n"],
        ["users_department_id_fkey", "f"],
      ],
    });
    expect(result.rows.map((row) => row[1])).toEqual(["p", "f"]);
  });

  it("fixes every result of a multi-statement script", () => {
    const results = fixCatalogResult([
      { fields: [field("a", 19)], rows: [] },
      { fields: [field("b", 18)], rows: [] },
    ]);
    expect(results.flatMap((r) => r.fields.map((f) => f.dataTypeID))).toEqual([25, 25]);
  });
});
