#!/usr/bin/env bash
# Regenerates the predefined prompts, <language>/<name>.wav (8 kHz, mono, 16-bit PCM):
#   - speech: every row of prompts.tsv (name, language, text) spoken by espeak-ng with the
#     voice and speed SpeechSynthesizer uses, then peak-normalised to -3 dBFS as
#     AudioConverter does (PeakNormalizer.cs: same target, same +24 dB cap);
#   - tones, in every language folder: "beep" (voicemail's "after the tone") and "hold"
#     (L-HOLDANN's predefined hold music: a gentle 8-second melody that loops seamlessly).
# Needs espeak-ng and ffmpeg (Debian packages). Same tools, same files: commit the result.
set -euo pipefail
cd "$(dirname "$0")"

speed=150
target_peak_db=-3
max_gain_db=24
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

voice() {
  case "$1" in
    fr) echo fr ;;
    en) echo en-gb ;;
    *) echo "prompts.tsv: unknown language '$1'" >&2; exit 1 ;;
  esac
}

# 8 kHz mono 16-bit PCM WAV without metadata, so the bytes depend on the audio only.
telephony=(-ac 1 -ar 8000 -c:a pcm_s16le -map_metadata -1 -fflags +bitexact -flags:a +bitexact)

to_telephony_wav() { # input output [filter]
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$1" -af "${3:-anull}" "${telephony[@]}" "$2"
}

tone_wav() { # lavfi-source output [filter]
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "$1" -af "${3:-anull}" "${telephony[@]}" "$2"
}

peak_gain_db() { # input: dB to add so that the peak lands on target_peak_db, at most max_gain_db
  local peak
  peak=$(ffmpeg -nostdin -hide_banner -i "$1" -af volumedetect -f null - 2>&1 | sed -n 's/.*max_volume: \(-\{0,1\}[0-9.]*\) dB.*/\1/p')
  awk -v p="$peak" -v t="$target_peak_db" -v m="$max_gain_db" 'BEGIN { g = t - p; if (g > m) g = m; printf "%.2f", g }'
}

count=0
while IFS=$'\t' read -r name language text; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  mkdir -p "$language"
  printf '%s' "$text" | espeak-ng -v "$(voice "$language")" -s "$speed" --stdin -w "$work/speech.wav"
  to_telephony_wav "$work/speech.wav" "$work/8k.wav"
  to_telephony_wav "$work/8k.wav" "$language/$name.wav" "volume=$(peak_gain_db "$work/8k.wav")dB"
  count=$((count + 1))
done < <(tail -n +2 prompts.tsv)

# 1 kHz for 0.4 s, 10 ms fades against clicks, peak -12 dBFS: clearly heard, not harsh.
tone_wav "aevalsrc=0.25*sin(2*PI*1000*t):s=8000:d=0.4" "$work/beep.wav" "afade=t=in:d=0.01,afade=t=out:st=0.39:d=0.01"

# Hold music: 16 half-second notes of a C major pentatonic phrase (C5 E5 G5 A5 G5 E5 D5 E5,
# C5 D5 E5 G5 E5 D5 C5 G4), each a soft plucked tone (20 ms attack, decaying to silence by
# the note's end, a quiet octave above), over a slow C4/G4 pad in a sine-squared envelope.
# Every envelope is zero at 0 and 8 s, so the loop has no click; peaks near -9 dBFS and an
# average near -22 dBFS sit with the spoken prompts. Phones cut below about 300 Hz, so the
# pad (C4, G4) is as low as anything goes.
notes=(523.25 659.25 783.99 880 783.99 659.25 587.33 659.25 523.25 587.33 659.25 783.99 659.25 587.33 523.25 392)
frequency=${notes[15]}
for ((i = 14; i >= 0; i--)); do
  frequency="if(lt(ld(0),$((i + 1))),${notes[i]},$frequency)"
done
note="0.3*min(1,ld(1)*50)*exp(-5*ld(1))*(1-ld(1)/0.5)*(sin(2*PI*ld(2)*t)+0.25*sin(4*PI*ld(2)*t))"
pad="0.08*pow(sin(PI*mod(t,2)/2),2)*sin(2*PI*if(lt(mod(t,4),2),261.63,392)*t)"
expression="st(0,floor(t/0.5));st(1,t-ld(0)*0.5);st(2,$frequency);$note+$pad"
tone_wav "aevalsrc=exprs='$expression':s=8000:d=8" "$work/hold.wav"

for language in $(tail -n +2 prompts.tsv | cut -f2 | sort -u); do
  cp "$work/beep.wav" "$language/beep.wav"
  cp "$work/hold.wav" "$language/hold.wav"
done

echo "$count spoken prompts and 2 tones per language written."
