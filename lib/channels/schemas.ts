import { z } from "zod";
import { textField, uploadedFile } from "@/lib/validation/text";
import type { UploadedFile } from "./trust-store";

// Shapes of the channel forms (Zod 4). Rules with their own codes (username, password, SSH key,
// certificate, permissions) are checked by the services, so their messages name the rule.

export const NAME_MAX = 100;

export const accountName = textField({ max: NAME_MAX });
export const accountId = z.uuid();
export const permissionIds = z.array(z.coerce.number().int().positive()).max(50);
// Large enough for every rule to report its own code (cert.too-large, ssh.too-large, password.length).
const sshText = textField({ max: 256 * 1024, multiline: true });
const username = textField({ max: 200 });
const password = textField({ max: 200, trim: false });

const certificateFields = { certificate: uploadedFile, certificateName: accountName };

export const createAccountSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("FTP"), name: accountName, permissionIds, ...certificateFields, username, password }),
  z.object({ type: z.literal("SFTP"), name: accountName, permissionIds, ...certificateFields, username, sshPublicKey: sshText }),
  z.object({ type: z.literal("SOAP"), name: accountName, ...certificateFields }),
  z.object({ type: z.literal("REST"), name: accountName, permissionIds, certificateManagement: z.literal("internal"), ...certificateFields }),
]);

/**
 * The rule-checked fields of a create form, each kept only when well-shaped (else undefined), for
 * createAccountFieldProblems when the whole form failed createAccountSchema (issue 13).
 */
export const createAccountPartsSchema = z.object({
  type: z.enum(["FTP", "SFTP", "SOAP", "REST"]),
  username: username.optional().catch(undefined),
  password: password.optional().catch(undefined),
  sshPublicKey: sshText.optional().catch(undefined),
  permissionIds: permissionIds.optional().catch(undefined),
  certificate: uploadedFile.optional().catch(undefined),
});

export const renameSchema = z.object({ accountId, name: accountName });
export const permissionsSchema = z.object({ accountId, permissionIds });
/** FTP forms send `password`, SFTP forms send `sshPublicKey`; the service checks it fits the account. */
export const credentialsSchema = z.object({ accountId, username, password: password.optional(), sshPublicKey: sshText.optional() });
export const certificateUploadSchema = z.object({ accountId, mode: z.enum(["replace", "add"]), ...certificateFields });
export const certificateRefSchema = z.object({ accountId, certificateId: z.uuid() });

/** The fields of a FormData as a plain object; repeated `permissions` become an array. */
export function formObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key === "permissions") continue;
    object[key] = value;
  }
  object.permissionIds = formData.getAll("permissions");
  return object;
}

export async function toUpload(file: File): Promise<UploadedFile> {
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
