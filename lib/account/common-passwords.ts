/**
 * Refuses passwords that sit at the top of breach lists (ASVS 5 6.2.4; RELIABILITY AUTH-06). Only
 * entries of 12+ characters matter here (shorter ones fail the length rule first), and in breach lists
 * those are almost all a popular word or keyboard run padded with digits and symbols, a repeated
 * character, or a digit/keyboard sequence. So the check strips leading/trailing digits and symbols
 * and looks the core up, besides an exact list of long favourites. No composition rules: an
 * all-lowercase passphrase is fine.
 */

/** Cores of the most common breached passwords (lower case, leetspeak undone). */
const COMMON_CORES = new Set([
  "password", "passwort", "passwd", "pass", "qwerty", "qwertz", "azerty", "qwertyuiop", "qwertyuiopasdfghjkl",
  "asdf", "asdfgh", "asdfghjkl", "zxcvbnm", "qazwsx", "qazwsxedc", "qazwsxedcrfv", "zaqxsw", "letmein", "welcome",
  "iloveyou", "admin", "administrator", "root", "monkey", "dragon", "football", "baseball", "soccer", "hockey",
  "sunshine", "princess", "trustno", "abc", "abcdef", "abcdefgh", "abcdefghijkl", "master", "shadow", "superman",
  "batman", "starwars", "whatever", "changeme", "secret", "login", "passport", "michael", "jennifer", "jordan",
  "hello", "helloworld", "freedom", "computer", "internet", "mustang", "liverpool", "chelsea", "arsenal",
  "pokemon", "naruto", "charlie", "ashley", "hunter", "killer", "ninja", "purple", "flower", "summer", "winter",
  "spring", "autumn", "love", "lovely", "blink", "cheese", "cookie", "chocolate", "banana", "pepper", "ginger",
  "matrix", "access", "master", "mypassword", "yourpassword", "default", "guest", "user", "test", "testing",
  "temp", "temppassword", "newpassword", "oldpassword", "letmeinnow", "iloveyoutoo", "princesa", "contraseña",
  "motdepasse", "passwordpassword", "qwertyqwerty", "monkeymonkey", "googledummy", "google", "facebook",
  "linkedin", "myspace", "samsung", "apple", "microsoft", "windows", "zaq", "xsw", "mnbvcxz", "poiuytrewq",
]);

/** Long favourites that are not "word + padding". */
const COMMON_EXACT = new Set([
  "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "zaq12wsxcde3", "zaq1xsw2cde3",
  "q1w2e3r4t5y6", "a1b2c3d4e5f6", "1a2b3c4d5e6f", "qweasdzxc123", "qweasdzxcqwe", "asdasdasdasd",
  "qweqweqweqwe", "abcabcabcabc", "thequickbrownfox", "iloveyouiloveyou",
]);

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i" };

function isSequence(s: string): boolean {
  const runs = ["0123456789012345678901234567890", "9876543210987654321098765432109", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];
  return s.length >= 6 && runs.some((run) => run.includes(s));
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_EXACT.has(lower)) return true;
  if (/^(.)\1*$/u.test(lower) || /^(.{1,4})\1+$/u.test(lower)) return true; // aaaa…, abab…, 1234 1234 …
  if (isSequence(lower)) return true;
  // Strip the digits and symbols people pad with, undo leetspeak inside the word, then look the core up.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (core === "") return true; // only digits and symbols: a PIN or a date
  const unleet = core.replace(/[0134578@$!]/g, (c) => LEET[c] ?? c);
  return COMMON_CORES.has(core) || COMMON_CORES.has(unleet) || COMMON_CORES.has(unleet.replace(/[^a-z]/g, ""));
}
