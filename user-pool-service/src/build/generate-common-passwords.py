#!/usr/bin/env python3
"""Generates the common-password blocklist shipped in the jar.

Written by hand for Gatehouse (nothing downloaded): a curated list of the passwords that top every
published breach analysis, plus the patterns people build them from (keyboard walks, digit runs, years,
word + digits/symbol suffixes, leetspeak). Output is lower-case, one per line, deterministic, capped at
LIMIT entries. The validator compares lower-cased candidates, so case variants need not be listed.

    python3 user-pool-service/src/build/generate-common-passwords.py \
        > user-pool-service/src/main/resources/io/gatehouse/userpool/password/common-passwords.txt
"""

LIMIT = 10000

CURATED = """
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm
asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas
hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn
555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda
summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor
matrix mobilemail mom monitor monitoring montana moon moscow welcome admin administrator root toor
passw0rd p@ssw0rd p@ssword pa$$word secret secret123 changeme letmein123 welcome1 welcome123
qwerty123 qwerty1 password1 password12 password123 password1234 iloveyou1 abc12345 abcd1234
1q2w3e4r 1q2w3e4r5t 1q2w3e 1qazxsw2 zaq12wsx zaq1zaq1 qwe123 asd123 zxc123 q1w2e3r4 q1w2e3r4t5
football1 baseball1 princess1 sunshine1 monkey1 dragon1 shadow1 master1 superman1 batman1 trustno1
login guest test test123 testing demo default user user123 temp temp123 temppass temporary
hello hello123 hello1 whatever whatever1 nothing secure security internet google facebook apple
samsung microsoft windows linux ubuntu oracle cisco amazon netflix spotify twitter instagram
linkedin youtube yahoo hotmail gmail outlook iphone android blackberry nokia motorola
love123 lovely loveyou lover loving angel angel1 angels babygirl baby baby123 princess123
flower flowers butterfly rainbow unicorn sparkle purple orange yellow silver golden diamond crystal
cookie cookies chocolate banana apple123 cherry peanut pumpkin candy sugar honey sweetie sweetheart
jesus christ heaven blessed faith hope grace trinity angel god godisgood jesus1 jesuschrist
mother father family friends friend forever together always
dolphin tiger lion eagle falcon wolf bear panther jaguar cobra viper phoenix dragonfly spider
cowboy cowboys yankee giants eagles steelers packers lakers bulls celtics raiders chargers
arsenal liverpool chelsea1 manchester barcelona realmadrid juventus milan bayern
mercedes ferrari porsche bmw audi toyota honda nissan ford chevy corvette mustang1 camaro harley1
marlboro guitar music rockstar rocknroll metallica nirvana beatles eminem
pokemon naruto minecraft fortnite pikachu zelda mario sonic starcraft warcraft halo
michael1 jennifer1 jordan23 jordan1 ashley1 jessica1 nicole1 daniel1 andrew1 joshua1 thomas1
charlie1 robert1 matthew1 anthony william richard joseph david james john chris christopher
steven brian kevin jason justin ryan brandon tyler eric adam mark paul scott jeremy aaron
sarah emily hannah samantha elizabeth lauren rachel megan amber heather melissa stephanie
amanda1 michelle1 jasmine chloe sophie olivia emma isabella mia abigail madison natalie
qwertyui qwertyu asdfghjkl asdfghjk asdfg zxcvbnm1 qazwsxedc 1qaz2wsx3edc poiuytrewq
mnbvcxz lkjhgfdsa 147258369 147258 159357 741852963 963852741 123654 321654 258456 789456
123456a 123456q a123456 q123456 aa123456 123abc abc123456 1a2b3c 1a2b3c4d a1b2c3 a1b2c3d4
passport pass123 pass1234 passwort motdepasse contraseña senha parola salasana wachtwoord haslo
sommer winter spring autumn fall january february march april may june july august september
october november december monday friday sunday weekend holiday vacation christmas easter
killer1 hunter1 hunter2 ranger1 soccer1 hockey1 tennis golf golfer basketball volleyball
computer1 internet1 server network system master123 admin123 admin1 administrator1 root123
letmein1 letmein! opensesame open sesame abracadabra magic wizard merlin gandalf
starwars1 skywalker vader jedi yoda matrix1 neo trinity1 morpheus
batman123 superman123 spiderman ironman hulk thor avengers wolverine deadpool
loveme iloveu iloveyou2 iloveyou! fuckyou fuckoff asshole bitch
qwerty12 qwerty1234 qwerty12345 qwertz qwertz123 azerty azerty123 asdf asdf1234 asdfasdf
zxcv zxcvzxcv 1234qwer 12qwaszx 1q2w3e4r5t6y 123qweasd 123qweasdzxc qweasd qweasdzxc
aaaaaaaa abcdef abcdefg abcdefgh abcdefghi abcdefghij 12341234 12344321 11223344 1122334455
123123123 456456 789789 147147 258258 369369 101010 202020 212121 232323 246810 135790
987654 9876543 98765432 87654321 7654321 0987654321 1029384756 5201314 520520 1314520
""".split()

WORDS = """
password passw0rd p@ssw0rd pass welcome admin login letmein monkey dragon master shadow sunshine
princess football baseball soccer hockey iloveyou trustno1 superman batman qwerty abc charlie
michael jordan jennifer hunter ranger buster tigger summer winter spring autumn freedom secret
computer internet samsung google apple orange banana cookie chocolate flower butterfly angel
jesus love lovely family friend mother father baby babygirl daniel thomas robert andrew joshua
matthew ashley jessica nicole michelle amanda sarah hannah chelsea liverpool arsenal barcelona
pokemon naruto minecraft starwars matrix killer pepper ginger maggie george harley mustang
yankees cowboys dallas austin thunder taylor access biteme cheese purple silver golden diamond
tiger lion eagle wolf phoenix guitar music rockstar hello whatever nothing secure security
system server oracle cisco windows linux spider hacker ninja pirate zombie vampire
""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "12!", "123!", "1234!",
            "01", "007", "69", "99", "00", "11", "13", "21", "22", "23", "77", "88", "@123", "#1",
            "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2019", "2018", "2000", "1990"]

LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})


def keyboard_walks():
    rows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop"]
    for row in rows:
        for length in range(6, len(row) + 1):
            yield row[:length]
            yield row[:length][::-1]


def digit_runs():
    for digit in "0123456789":
        for length in range(4, 13):
            yield digit * length
    for length in range(6, 11):
        yield "".join(str(i % 10) for i in range(1, length + 1))
        yield "".join(str(i % 10) for i in range(0, length))
    for year in range(1940, 2031):
        yield str(year)
    for month in range(1, 13):
        for day in range(1, 32):
            for year in (1970, 1975, 1980, 1985, 1990, 1995, 2000):
                yield f"{day:02d}{month:02d}{year}"


def main():
    seen = []
    seen_set = set()

    def add(candidate):
        candidate = candidate.lower()
        if len(candidate) >= 4 and candidate not in seen_set and len(seen) < LIMIT:
            seen_set.add(candidate)
            seen.append(candidate)

    for word in CURATED:
        add(word)
    for walk in keyboard_walks():
        add(walk)
    for word in WORDS:
        for suffix in SUFFIXES:
            add(word + suffix)
        add(word.translate(LEET))
        add(word.translate(LEET) + "1")
        add(word.translate(LEET) + "123")
        add(word + word)
    for run in digit_runs():
        add(run)
    for word in WORDS:
        for year in range(1960, 2031):
            add(f"{word}{year}")
    print("\n".join(seen))


if __name__ == "__main__":
    main()
