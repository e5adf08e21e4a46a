# zsh-complete.zsh - runs zsh's completion function _netmimic outside the
# line editor, for tests/completion.bats:
#   zsh -f zsh-complete.zsh FPATH-DIR COMMAND WORD...
# completes the last WORD of "COMMAND WORD..." and prints the candidates,
# one a line, each with the part of the word compset moved aside.  compadd,
# compset and _files only exist in the line editor: these stand-ins do what
# the function relies on (compadd keeps the words that start with PREFIX;
# -S, the suffix, is shown as a trailing '=' kept or a space dropped).
fpath=($1 $fpath)
service=$2
shift 2
words=($service "$@")
CURRENT=$#words
PREFIX=$words[CURRENT]
IPREFIX=
compadd() {
  while (( $# )); do
    case $1 in
      (--) shift; break ;;
      (-S) shift 2 ;;
      (-*) shift ;;
      (*) break ;;
    esac
  done
  local w
  for w; do [[ $w == "$PREFIX"* ]] && print -r -- "$IPREFIX$w"; done
  return 0
}
compset() {
  [[ $1 == -P && $PREFIX == *=* ]] || return 1
  IPREFIX+=${PREFIX%%=*}=
  PREFIX=${PREFIX#*=}
}
_files() { print -r -- '<files>'; }
autoload -Uz _netmimic
_netmimic
