import { create } from "@bufbuild/protobuf";
import {
  type CheckExpressionRequest,
  type CheckExpressionResponse,
  CheckExpressionResponseSchema,
  ExpressionService,
} from "../../gen/ts/aerogate/v1/expression_pb.js";
import { compileAel } from "../ael/index.js";
import { toAelValue } from "../aerospike/expressions.js";
import { defineService, type ServiceRegistration } from "../context.js";
import { invalidArgument } from "../errors.js";
import { FieldError } from "../mapping/field-error.js";
import { expressionFromProto } from "../mapping/operation.js";

/**
 * Compiles an expression without running it and reports its problems as data. An expression that
 * does not compile is a valid answer (`valid: false` with positioned problems); only a request that
 * carries no expression text, or placeholders that are not valid values, is INVALID_ARGUMENT.
 */
export function checkExpression(req: CheckExpressionRequest): CheckExpressionResponse {
  let spec: ReturnType<typeof expressionFromProto>;
  try {
    spec = expressionFromProto(req.expression, "expression");
  } catch (e) {
    if (e instanceof FieldError) throw invalidArgument(e.message, e.violations, e.reason);
    throw e;
  }
  const result = compileAel(spec.ael, spec.placeholders.map(toAelValue));
  if (result.ok) return create(CheckExpressionResponseSchema, { valid: true, problems: [] });
  return create(CheckExpressionResponseSchema, {
    valid: false,
    problems: result.errors.map((p) => ({ message: p.message, position: p.position, length: 0 })),
  });
}

/** The ExpressionService registration: CheckExpression needs no database. */
export function createExpressionService(): ServiceRegistration {
  return defineService(ExpressionService, {
    checkExpression: async (req) => checkExpression(req),
  });
}
