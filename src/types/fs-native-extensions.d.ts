// Types for the part of fs-native-extensions wowbot uses (the package ships none): OS file locks on a descriptor.
declare module "fs-native-extensions" {
  /** An exclusive lock on the whole file (Linux: an open-file-description lock); false when another descriptor holds it. */
  export function tryLock(fd: number): boolean;
  export function unlock(fd: number): void;
}
