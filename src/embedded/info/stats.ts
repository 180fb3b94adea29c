/** Counters the server keeps for `statistics` and `namespace/<ns>` info. */
export interface ServerStats {
  clientConnections: number;
  connectionsOpened: number;
  connectionsClosed: number;
  infoComplete: number;
  readSuccess: number;
  readNotFound: number;
  readError: number;
  writeSuccess: number;
  writeError: number;
  deleteSuccess: number;
  deleteNotFound: number;
  batchIndexComplete: number;
  demarshalError: number;
}

/** All counters at zero. */
export function newStats(): ServerStats {
  return {
    clientConnections: 0,
    connectionsOpened: 0,
    connectionsClosed: 0,
    infoComplete: 0,
    readSuccess: 0,
    readNotFound: 0,
    readError: 0,
    writeSuccess: 0,
    writeError: 0,
    deleteSuccess: 0,
    deleteNotFound: 0,
    batchIndexComplete: 0,
    demarshalError: 0,
  };
}
