# bash completion for doisoat. Check ids come from the installed binary (`doisoat checks`).
_doisoat() {
  local cur prev cmd i
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  local commands="check extract checks explain facts"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      check|extract|checks|explain|facts) cmd="${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    --format)
      if [[ "$cmd" == facts ]]; then COMPREPLY=($(compgen -W "jsonl csv" -- "$cur"))
      else COMPREPLY=($(compgen -W "text json sarif markdown html csv junit github xlsx" -- "$cur")); fi
      return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "vi en" -- "$cur")); return ;;
    --csv-locale) COMPREPLY=($(compgen -W "en vi" -- "$cur")); return ;;
    --enable|--disable)
      COMPREPLY=($(compgen -W "$(doisoat checks 2>/dev/null | cut -d' ' -f1)" -- "$cur")); return ;;
    -o|--output|--config|--baseline|--write-baseline|--suppressions|--db|--regions)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --jobs|--region|--period|--indicator) return ;;
  esac
  local common="--help --format --csv-locale -o --output --fail-on --lang --enable --disable --config --baseline
    --write-baseline --suppressions --no-suppressions --jobs -q --quiet --region --period --db --regions"
  case "$cmd" in
    check) COMPREPLY=($(compgen -W "$common" -- "$cur")) ;;
    extract) COMPREPLY=($(compgen -W "$common --uncovered" -- "$cur")) ;;
    checks) COMPREPLY=($(compgen -W "$common" -- "$cur")) ;;
    facts) COMPREPLY=($(compgen -W "--help --db --indicator --region --period --format" -- "$cur")) ;;
    explain)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$common" -- "$cur"))
      else COMPREPLY=($(compgen -W "$(doisoat checks 2>/dev/null | cut -d' ' -f1)" -- "$cur")); fi ;;
  esac
  if [[ "$cmd" == check || "$cmd" == extract ]] && [[ "$cur" != -* ]]; then
    COMPREPLY+=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _doisoat doisoat
