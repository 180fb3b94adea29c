import { create, toBinary } from "@bufbuild/protobuf";
import type { Any } from "@bufbuild/protobuf/wkt";
import { anyPack } from "@bufbuild/protobuf/wkt";
import {
  BadRequestSchema,
  ErrorInfoSchema,
  RetryInfoSchema,
} from "../../gen/ts/google/rpc/error_details_pb.js";
import { StatusSchema } from "../../gen/ts/google/rpc/status_pb.js";
import { type AerogateError, ERROR_DOMAIN } from "../errors.js";

/** Converts milliseconds to the seconds/nanos pair of a google.protobuf.Duration. */
export function durationFromMs(ms: number): { seconds: bigint; nanos: number } {
  const whole = Math.max(0, Math.floor(ms));
  return { seconds: BigInt(Math.floor(whole / 1000)), nanos: (whole % 1000) * 1_000_000 };
}

/** Lists the `google.protobuf.Any` details of an error: ErrorInfo always, BadRequest and RetryInfo when set. */
export function statusDetails(err: AerogateError): Any[] {
  const details: Any[] = [
    anyPack(
      ErrorInfoSchema,
      create(ErrorInfoSchema, {
        reason: err.reason,
        domain: ERROR_DOMAIN,
        metadata: { ...err.metadata },
      }),
    ),
  ];
  if (err.fieldViolations.length > 0) {
    details.push(
      anyPack(
        BadRequestSchema,
        create(BadRequestSchema, {
          fieldViolations: err.fieldViolations.map((v) => ({
            field: v.field,
            description: v.description,
            reason: v.reason ?? "",
          })),
        }),
      ),
    );
  }
  if (err.retryDelayMs !== undefined) {
    details.push(
      anyPack(
        RetryInfoSchema,
        create(RetryInfoSchema, { retryDelay: durationFromMs(err.retryDelayMs) }),
      ),
    );
  }
  return details;
}

/** Encodes an error as the binary `google.rpc.Status` sent in the `grpc-status-details-bin` trailer. */
export function encodeStatusDetails(err: AerogateError): Uint8Array {
  return toBinary(
    StatusSchema,
    create(StatusSchema, { code: err.code, message: err.message, details: statusDetails(err) }),
  );
}
