// The project's search attributes on the namespace: registered when missing, so a Temporal server whose
// data predates one (a dev server's SQLite file from an older version, a fresh cluster) still runs every
// workflow. Without them, a workflow task fails with BadSearchAttributes and the run waits forever.
import type { ConnectionLike } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
// a CommonJS package: its namespaces come through the default export under ESM
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../../workflows/types/search-attributes';

const Indexed = proto.temporal.api.enums.v1.IndexedValueType;
const INDEXED: Record<SearchAttributeType, proto.temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: Indexed.INDEXED_VALUE_TYPE_KEYWORD,
  KEYWORD_LIST: Indexed.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  TEXT: Indexed.INDEXED_VALUE_TYPE_TEXT,
  INT: Indexed.INDEXED_VALUE_TYPE_INT,
  DOUBLE: Indexed.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: Indexed.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: Indexed.INDEXED_VALUE_TYPE_DATETIME,
};

/** Returns the names it added. Temporal Cloud refuses this call: it warns and leaves it to the operator. */
export async function ensureSearchAttributes(
  connection: ConnectionLike,
  namespace: string,
  log: (line: string) => void,
): Promise<string[]> {
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = SEARCH_ATTRIBUTES.filter((key) => !customAttributes?.[key.name]);
    if (missing.length === 0) return [];
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, INDEXED[key.type]])),
    });
    const names = missing.map((key) => key.name);
    log(`search attributes registered: ${names.join(', ')}`);
    return names;
  } catch (err) {
    log(
      `could not check or register search attributes (${err instanceof Error ? err.message : String(err)}); ` +
        `register ${SEARCH_ATTRIBUTES.map((k) => k.name).join(', ')} on namespace '${namespace}' yourself`,
    );
    return [];
  }
}
