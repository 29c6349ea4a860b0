/**
 * One-dimensional PostgreSQL arrays in the binary wire format (what array_send writes and
 * array_recv reads), for bulk statements that unnest() thousands of values per parameter.
 *
 * pg sends a Buffer parameter in binary, so PostgreSQL skips parsing the array's text form: for the
 * SLA sweep, parsing its text array literals was a tenth of the database's time. Binary values need
 * no quoting either, so no value can break out of its element.
 *
 * Layout: ndim (1), has-nulls flag, element type OID, length, lower bound (1); then each element
 * as its byte length (-1 for NULL) and its bytes, all integers big-endian.
 */

const OID = { int4: 23, text: 25, timestamptz: 1184, uuid: 2950 } as const;
const HEADER_BYTES = 20;
/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
const PG_EPOCH_MS = 946_684_800_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encode<T>(
  oid: number,
  values: readonly (T | null)[],
  size: (value: T) => number,
  write: (buffer: Buffer, offset: number, value: T) => void,
): Buffer {
  let bytes = HEADER_BYTES;
  let hasNull = 0;
  for (const value of values) {
    bytes += 4;
    if (value === null) hasNull = 1;
    else bytes += size(value);
  }
  const buffer = Buffer.allocUnsafe(bytes);
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(hasNull, 4);
  buffer.writeUInt32BE(oid, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16);
  let offset = HEADER_BYTES;
  for (const value of values) {
    if (value === null) {
      buffer.writeInt32BE(-1, offset);
      offset += 4;
      continue;
    }
    const length = size(value);
    buffer.writeInt32BE(length, offset);
    write(buffer, offset + 4, value);
    offset += 4 + length;
  }
  return buffer;
}

export function uuidArray(values: readonly (string | null)[]): Buffer {
  return encode(
    OID.uuid,
    values,
    () => 16,
    (buffer, offset, value) => {
      if (!UUID.test(value)) throw new TypeError(`not a uuid: ${value}`);
      buffer.write(value.replaceAll("-", ""), offset, 16, "hex");
    },
  );
}

export function int4Array(values: readonly (number | null)[]): Buffer {
  return encode(
    OID.int4,
    values,
    () => 4,
    (buffer, offset, value) => {
      if (!Number.isInteger(value)) throw new TypeError(`not an integer: ${value}`);
      buffer.writeInt32BE(value, offset); // throws outside int4's range
    },
  );
}

export function textArray(values: readonly (string | null)[]): Buffer {
  return encode(OID.text, values, Buffer.byteLength, (buffer, offset, value) => {
    buffer.write(value, offset, "utf8");
  });
}

export function timestamptzArray(values: readonly (Date | null)[]): Buffer {
  return encode(
    OID.timestamptz,
    values,
    () => 8,
    (buffer, offset, value) => {
      const ms = value.getTime();
      if (!Number.isFinite(ms)) throw new TypeError("not a valid date");
      buffer.writeBigInt64BE(BigInt(ms - PG_EPOCH_MS) * 1000n, offset);
    },
  );
}
