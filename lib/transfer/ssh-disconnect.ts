import "server-only";
import type { Socket } from "node:net";
import type { Connection } from "ssh2";

/**
 * SSH_MSG_DISCONNECT with a description (RFC 4253 §11.1). ssh2's `Connection.end()` sends the message with
 * an empty description (ssh2 1.17.0, `Protocol.disconnect(reason)`), so OpenSSH shows nothing but
 * « Connection closed »; with a description it prints « Received disconnect from … :11: <description> ».
 * ssh2 has no public way to send it, so this writes the packet through the same internals its own
 * `disconnect` uses (the packet writer and the cipher); `ssh2` is pinned and the protocol test with
 * OpenSSH (`lib/transfer/sftp.int.test.ts`) fails if they change. Without them it falls back to `end()`.
 */

/** RFC 4253 §11.1 SSH_DISCONNECT_BY_APPLICATION. */
export const SSH_DISCONNECT_BY_APPLICATION = 11;
const SSH_MSG_DISCONNECT = 1;

interface Ssh2Internals {
  _protocol?: {
    _packetRW?: { write?: { allocStartKEX: number; alloc(length: number, force?: boolean): Buffer; finalize(packet: Buffer, force?: boolean): Buffer } };
    _cipher?: { encrypt(packet: Buffer): void };
  };
  _sock?: Socket;
}

/**
 * Sends SSH_MSG_DISCONNECT with `description` (UTF-8, RFC 4253 §11.1; OpenSSH escapes non-ASCII bytes when
 * it prints it, so callers pass ASCII) and reason `reason`, then ends the socket. Never throws.
 */
export function disconnectWithDescription(client: Connection, description: string, reason = SSH_DISCONNECT_BY_APPLICATION): void {
  const { _protocol: protocol, _sock: socket } = client as unknown as Ssh2Internals;
  const writer = protocol?._packetRW?.write;
  const cipher = protocol?._cipher;
  if (!writer || !cipher || !socket?.writable) {
    client.end();
    return;
  }
  const text = Buffer.from(description, "utf8");
  try {
    // Like ssh2's own disconnect: a whole packet, allowed even during a key exchange.
    const start = writer.allocStartKEX;
    const packet = writer.alloc(1 + 4 + 4 + text.length + 4, true);
    packet[start] = SSH_MSG_DISCONNECT;
    packet.writeUInt32BE(reason, start + 1);
    packet.writeUInt32BE(text.length, start + 5);
    text.copy(packet, start + 9);
    // Empty language tag (RFC 4253 §11.1).
    packet.writeUInt32BE(0, start + 9 + text.length);
    cipher.encrypt(writer.finalize(packet, true));
    socket.end();
  } catch (error) {
    console.error("[sftp] disconnect with description failed; ending without it", error);
    client.end();
  }
}
