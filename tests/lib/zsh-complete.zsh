# zsh-complete.zsh - completes command lines in a real interactive zsh, for
# tests/completion.bats (through tests/lib/completion.bash) and
# tests/install.bats:
#   zsh -f zsh-complete.zsh FPATH-DIR COMMAND WORD...
#   zsh -f zsh-complete.zsh -b FPATH-DIR ITEM...
# types "COMMAND WORD..." (the last WORD is the one completed; '' for a new
# word) into a zsh -f -i on a pseudo-terminal (zsh/zpty), with FPATH-DIR
# first on fpath and compinit run, and presses Tab: the line editor, the
# completion system and _netmimic run as for a user.  Prints the matches
# the completion added, one a line, each with the part of the word compset
# moved aside (IPREFIX, e.g. "--from="); with ZSH_COMPLETE_BUFFER=FILE, also
# writes the line as Tab left it to FILE.
#
# -b (a batch): each ITEM is such a line, typed and completed in turn in
# the same interactive zsh (the line emptied after each Tab, as a user
# would), or, starting with '!', a command that zsh runs there before the
# next line (export VAR=..., cd DIR); one zsh and one compinit for them
# all.  For each line: its matches, then "<line>LINE AFTER TAB</line>" and
# "<end/>", each on a line of its own.
#
# ZSH_COMPDUMP=FILE: compinit's dump, made by the first run (see below).
#
# The matches are read through compadd: a function of that name records
# what `builtin compadd -O` says matches (the completion system's own
# matching of the words against the prefix typed), then calls the builtin
# with the same arguments, so that the line editor gets every match as
# without it.  The markers (<m>...</m>, <end/>) are written to the
# terminal; the script reads up to <end/> and exits 2 if zsh does not get
# there (the caller bounds the time: `timeout`).
zmodload zsh/zpty || exit 2
batch=0
if [[ $1 == -b ]]; then
  batch=1
  shift
fi
fpath_dir=$1
shift
if (( batch )); then
  items=("$@")
else
  items=("${(j: :)@}")
fi

# complete LINE: types LINE and Tab; prints the matches, one a line, and
# sets buffer to the line as Tab left it.
complete_line() {
  local out rest
  zpty -w -n nm_z "$1"$'\t'
  zpty -r -m nm_z out '*<end/>*' || exit 2
  # Only what the markers enclose: the terminal's own bytes (the echo of
  # the line, escape sequences) around them are dropped.
  rest=$out
  while [[ $rest == *'<m>'*'</m>'* ]]; do
    rest=${rest#*'<m>'}
    print -r -- "${rest%%'</m>'*}"
    rest=${rest#*'</m>'}
  done
  rest=${out##*'<buffer>'}
  buffer=${rest%%'</buffer>'*}
}

zpty nm_z zsh -f -i || exit 2
{
  zpty -w nm_z "PROMPT= RPROMPT= PS2=; unsetopt zle_bracketed_paste prompt_sp prompt_cr beep"
  # compinit reads the first line of every file on fpath (seconds on a
  # loaded machine): with ZSH_COMPDUMP=FILE it keeps what it found there and
  # the next run loads that (-C: made by the first, with the same fpath).
  if [[ -z $ZSH_COMPDUMP ]]; then
    init='compinit -u -D'
  elif [[ -s $ZSH_COMPDUMP ]]; then
    init="compinit -u -C -d ${(q)ZSH_COMPDUMP}"
  else
    init="compinit -u -d ${(q)ZSH_COMPDUMP}"
  fi
  zpty -w nm_z "fpath=(${(q)fpath_dir} \$fpath); autoload -Uz compinit; $init"
  # The markers are split by quotes in what is typed ("<""m>"): the terminal
  # echoes the typed lines, and an echo read as a marker ended the reads
  # early, with the echo of this very definition taken for a match.
  zpty -w nm_z 'compadd() {
    local -a nm_hits; local nm_h
    builtin compadd -O nm_hits "$@"
    for nm_h in $nm_hits; do print -rn -- "<""m>$IPREFIX$nm_h</""m>"; done
    builtin compadd "$@"
  }'
  # After the markers the line is emptied, for a batch's next line.
  zpty -w nm_z 'nm_tab() {
      zle complete-word
      print -rn -- "<""buffer>$BUFFER</""buffer><""end/>"
      BUFFER=
    }
    zle -N nm_tab; bindkey "^I" nm_tab; print "<""ready/>"'
  zpty -r -m nm_z out '*<ready/>*' || exit 2
  for item in "${items[@]}"; do
    if (( batch )) && [[ $item == '!'* ]]; then
      zpty -w nm_z "${item#!}; print '<''ready/>'"
      zpty -r -m nm_z out '*<ready/>*' || exit 2
    elif (( batch )); then
      complete_line $item
      print -r -- "<line>$buffer</line>"
      print -r -- '<end/>'
    else
      complete_line $item
      [[ -z $ZSH_COMPLETE_BUFFER ]] || print -r -- $buffer >$ZSH_COMPLETE_BUFFER
    fi
  done
} always {
  zpty -d nm_z 2>/dev/null
}
exit 0
