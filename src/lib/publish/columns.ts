/**
 * How the open data documents its fields and fills its CSV columns; open-data.ts and
 * figure-data.ts both describe their files with these.
 */

/** A documented field of a JSON record or a CSV column. */
export interface FieldDoc {
  name: string;
  /** `text`, `number`, `integer`, `list of text`, … */
  type: string;
  /** 个 or 亿元 for figures. */
  unit?: string;
  description: string;
}

/** A CSV column: its documentation and how a record fills it (undefined → empty cell). */
export interface Column<R> extends FieldDoc {
  value: (record: R) => string | number | undefined;
}
