// A person as views name them: the platform's user id (for mentions) and the display name (for plain text).

export interface PersonRef {
  platformUserId: string;
  displayName: string;
}
