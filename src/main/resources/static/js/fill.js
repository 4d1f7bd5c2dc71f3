/** A message's {0}, {1}… placeholders filled with args, in order. */
export function fill(text, args) {
  return args.reduce((s, a, i) => s.replaceAll(`{${i}}`, a), text);
}
