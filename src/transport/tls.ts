import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createSecureContext, type SecureContextOptions } from "node:tls";
import { ServerCredentials } from "@grpc/grpc-js";
import type { Logger } from "../log.js";

/** PEM files of the listener's TLS: its certificate chain and key, and the CA that signs client certificates. */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
  /** When set, clients must present a certificate signed by this CA (mutual TLS). */
  readonly clientCaFile?: string;
}

/** Reads the PEM files and checks that they form a usable secure context (key matches certificate). */
export function readTlsFiles(files: TlsFiles): SecureContextOptions {
  const options: SecureContextOptions = {
    cert: readFileSync(files.certFile),
    key: readFileSync(files.keyFile),
    ...(files.clientCaFile === undefined ? {} : { ca: readFileSync(files.clientCaFile) }),
  };
  createSecureContext(options);
  return options;
}

/** A digest of the secure context's contents, to tell when the files changed. */
function fingerprint(options: SecureContextOptions): string {
  const h = createHash("sha256");
  for (const part of [options.cert, options.key, options.ca]) {
    h.update(part === undefined ? "-" : (part as Buffer));
    h.update("\u0000");
  }
  return h.digest("hex");
}

/**
 * grpc-js server credentials whose certificate, key and client CA come from PEM files and are swapped in
 * when the files change: open connections keep their session, new handshakes use the new files, so a
 * rotation needs no restart and drops no call. A half-written rotation (key not matching the certificate)
 * keeps the previous files in use until the pair is consistent again.
 */
export class ReloadingServerCredentials extends ServerCredentials {
  readonly #files: TlsFiles;
  readonly #log: Logger;
  #current: string;
  #timer: NodeJS.Timeout | undefined;

  constructor(files: TlsFiles, log: Logger) {
    const initial = readTlsFiles(files);
    const mutual = files.clientCaFile !== undefined;
    super({ requestCert: mutual, rejectUnauthorized: mutual }, initial);
    this.#files = files;
    this.#log = log;
    this.#current = fingerprint(initial);
  }

  /** Re-reads the files; applies them when they changed and are consistent. Returns true when applied. */
  reload(): boolean {
    let next: SecureContextOptions;
    try {
      next = readTlsFiles(this.#files);
    } catch (err) {
      this.#log.warn("tls files not reloaded, keeping the previous ones", {
        err: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
    const digest = fingerprint(next);
    if (digest === this.#current) return false;
    this.#current = digest;
    this.updateSecureContextOptions(next);
    this.#log.info("tls certificates reloaded", { certFile: this.#files.certFile });
    return true;
  }

  /** Polls the files every `intervalMs` (polling also sees Kubernetes' symlink swaps); 0 disables it. */
  watch(intervalMs: number): void {
    this.unwatch();
    if (intervalMs <= 0) return;
    this.#timer = setInterval(() => this.reload(), intervalMs);
    this.#timer.unref();
  }

  /** Stops polling. */
  unwatch(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  override _equals(other: ServerCredentials): boolean {
    return other === this;
  }
}
