//! The gazetteer's lists: one entry a line, `Canonical name|alias|alias…`. Aliases written in
//! capitals (`US`, `U.N.`) match only capitalized text; the rest match any capitalization
//! of a capitalized occurrence.

/// Countries (with their short forms), territories, regions and seas, Ukrainian oblasts and
/// cities, capitals and major cities, US states.
pub const PLACES: &str = "
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas|The Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde
Central African Republic
Chad
Chile
China|PRC|People's Republic of China|Mainland China
Colombia
Comoros
Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa
Congo|Republic of the Congo|Congo-Brazzaville
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic|Czechia
Denmark
Djibouti
Dominica
Dominican Republic
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini|Swaziland
Ethiopia
Fiji
Finland
France
Gabon
Gambia|The Gambia
Georgia
Germany
Ghana
Greece
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran|Islamic Republic of Iran
Iraq
Ireland|Republic of Ireland|Eire
Israel
Italy
Ivory Coast|Cote d'Ivoire
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar|Burma
Namibia
Nauru
Nepal
Netherlands|Holland|The Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea|DPRK|Democratic People's Republic of Korea
North Macedonia|Macedonia
Norway
Oman
Pakistan
Palau
Palestine|Palestinian Territories|Occupied Palestinian Territories
Panama
Papua New Guinea
Paraguay
Peru
Philippines|The Philippines
Poland
Portugal
Qatar
Romania
Russia|Russian Federation
Rwanda
Saint Kitts and Nevis
Saint Lucia
Samoa
San Marino
Saudi Arabia|KSA|Kingdom of Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Korea|Republic of Korea|ROK
Korea
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Timor-Leste|East Timor
Togo
Tonga
Trinidad and Tobago
Tunisia
Turkey|Türkiye|Turkiye
Turkmenistan
Tuvalu
Uganda
Ukraine
United Arab Emirates|UAE|U.A.E.
United Kingdom|UK|U.K.|Britain|Great Britain
United States|US|U.S.|USA|U.S.A.|United States of America|America
Uruguay
Uzbekistan
Vanuatu
Vatican|Vatican City|Holy See
Venezuela
Vietnam|Viet Nam
Yemen
Zambia
Zimbabwe
Hong Kong
Macau|Macao
Greenland
Puerto Rico
Gaza|Gaza Strip
West Bank
Kurdistan|Iraqi Kurdistan
Tibet
Xinjiang
Crimea|Crimean Peninsula
Donbas|Donbass
Abkhazia
South Ossetia
Transnistria
Nagorno-Karabakh|Karabakh
Kashmir
Chechnya
Dagestan
Catalonia
Scotland
England
Wales
Northern Ireland
Western Sahara
Somaliland
Golan Heights|Golan
Sinai|Sinai Peninsula
Antarctica
Arctic
Siberia
Europe
West|the West
Asia
Africa
North America
South America
Latin America
Central America
Middle East|Mideast
Far East
Eurasia
Oceania
Caribbean
Balkans|Western Balkans
Caucasus|South Caucasus|North Caucasus
Central Asia
South Asia
Southeast Asia
East Asia
Asia-Pacific|Asia Pacific
Indo-Pacific
North Africa
West Africa
East Africa
Horn of Africa
Sahel
Sub-Saharan Africa
Scandinavia
Baltics
Eastern Europe
Western Europe
Central Europe
Mediterranean|Mediterranean Sea
Persian Gulf|Gulf
Black Sea
Baltic Sea
Caspian Sea
Red Sea
South China Sea
East China Sea
Sea of Azov|Azov Sea
Atlantic|Atlantic Ocean
Pacific|Pacific Ocean
Indian Ocean
Arctic Ocean
North Sea
Korean Peninsula
Arabian Peninsula
Levant
Silicon Valley
Midwest
New England
West Coast
East Coast
Strait of Hormuz
Bosphorus
Suez Canal
Panama Canal
Dnipro River|Dnieper
Kerch Strait
Danube
Nile
Sahara
Himalayas
Alps
Earth
Mars
Jupiter
Saturn
Venus
Capitol Hill|Capitol
Mar-a-Lago
Trump Tower
Guantanamo|Guantanamo Bay
Kyiv|Kiev
Kharkiv|Kharkov
Odesa|Odessa
Dnipro
Dnipropetrovsk
Donetsk
Luhansk|Lugansk
Zaporizhzhia|Zaporizhia|Zaporozhye
Kherson
Mykolaiv|Mykolayiv|Nikolaev
Sumy
Chernihiv|Chernigov
Poltava
Lviv|Lvov
Ivano-Frankivsk
Ternopil
Khmelnytskyi
Vinnytsia
Zhytomyr
Rivne
Volyn
Lutsk
Zakarpattia|Transcarpathia
Uzhhorod
Chernivtsi
Cherkasy
Kirovohrad|Kropyvnytskyi
Bakhmut|Artemivsk
Mariupol
Avdiivka
Sievierodonetsk|Severodonetsk
Lysychansk
Kramatorsk
Sloviansk
Pokrovsk
Kupiansk
Izium
Melitopol
Berdiansk
Enerhodar
Bucha
Irpin
Kursk
Belgorod
Bryansk
Rostov|Rostov-on-Don
Sevastopol
Simferopol
Kerch
Moscow
St. Petersburg|Saint Petersburg|St Petersburg
Sochi
Kazan
Novosibirsk
Yekaterinburg
Vladivostok
Kaliningrad
Murmansk
Grozny
Volgograd
Samara
Krasnodar
London
Paris
Berlin
Madrid
Rome
Lisbon
Dublin
Brussels
Amsterdam
The Hague|Hague
Vienna
Bern
Geneva
Zurich
Davos
Stockholm
Oslo
Copenhagen
Helsinki
Reykjavik
Warsaw
Krakow
Prague
Bratislava
Budapest
Bucharest
Sofia
Belgrade
Zagreb
Ljubljana
Sarajevo
Skopje
Tirana
Podgorica
Pristina
Athens
Thessaloniki
Istanbul
Ankara
Izmir
Nicosia
Valletta
Chisinau
Minsk
Vilnius
Riga
Tallinn
Tbilisi
Yerevan
Baku
Astana|Nur-Sultan
Almaty
Tashkent
Bishkek
Dushanbe
Ashgabat
Ulaanbaatar
Beijing|Peking
Shanghai
Shenzhen
Guangzhou
Wuhan
Chongqing
Tianjin
Chengdu
Nanjing
Hangzhou
Harbin
Qingdao
Xiamen
Taipei
Tokyo
Osaka
Kyoto
Hiroshima
Nagasaki
Okinawa
Fukushima
Seoul
Busan
Pyongyang
Manila
Jakarta
Bali
Kuala Lumpur
Bangkok
Hanoi
Ho Chi Minh City|Saigon
Phnom Penh
Yangon|Rangoon
Naypyidaw
Dhaka
Kathmandu
New Delhi|Delhi
Mumbai|Bombay
Kolkata|Calcutta
Chennai|Madras
Bangalore|Bengaluru
Hyderabad
Karachi
Lahore
Islamabad
Peshawar
Kabul
Kandahar
Herat
Tehran
Isfahan
Mashhad
Baghdad
Basra
Mosul
Erbil
Kirkuk
Fallujah
Ramadi
Tikrit
Damascus
Aleppo
Homs
Idlib
Raqqa
Deir ez-Zor|Deir el-Zour
Palmyra
al-Bab|Al-Bab
Manbij
Afrin
Kobani
Tal Afar
Hama
Daraa
Eastern Ghouta|Ghouta
Douma
Latakia
Beirut
Amman
Jerusalem
Tel Aviv
Ramallah
Hebron
Rafah
Khan Younis
Riyadh
Jeddah
Mecca
Medina
Doha
Abu Dhabi
Dubai
Muscat
Kuwait City
Manama
Sanaa
Aden
Hodeidah
Cairo
Alexandria
Tripoli
Benghazi
Tunis
Algiers
Rabat
Casablanca
Khartoum
Juba
Addis Ababa
Asmara
Mogadishu
Nairobi
Kampala
Kigali
Dar es Salaam
Lusaka
Harare
Maputo
Luanda
Kinshasa
Lagos
Abuja
Accra
Dakar
Bamako
Niamey
Abidjan
Monrovia
Freetown
Johannesburg
Cape Town
Pretoria
Durban
Canberra
Sydney
Melbourne
Brisbane
Perth
Auckland
Wellington
Ottawa
Toronto
Montreal
Vancouver
Calgary
Quebec
Mexico City
Guadalajara
Monterrey
Tijuana
Havana
Port-au-Prince
Santo Domingo
Guatemala City
San Salvador
Tegucigalpa
Managua
Bogota
Caracas
Quito
Lima
La Paz
Santiago
Buenos Aires
Montevideo
Brasilia
Rio de Janeiro
Sao Paulo
Manchester
Birmingham
Liverpool
Leeds
Glasgow
Edinburgh
Cardiff
Belfast
Bristol
Oxford
Cambridge
Cork
Galway
Limerick
Donegal
Kerry
Mayo
Clare
Wexford
Wicklow
Kildare
Meath
Louth
Tipperary
Waterford
Kilkenny
Sligo
Leitrim
Roscommon
Offaly
Laois
Westmeath
Longford
Cavan
Monaghan
Carlow
Antrim
Armagh
Fermanagh
Tyrone
Derry|Londonderry
Munich
Dortmund
Frankfurt
Hamburg
Cologne
Stuttgart
Dresden
Leipzig
Bonn
Marseille
Lyon
Nice
Toulouse
Strasbourg
Bordeaux
Calais
Milan
Naples
Venice
Florence
Turin
Barcelona
Seville
Valencia
Porto
Rotterdam
Antwerp
Gothenburg
Salzburg
Gdansk
New York|New York City|NYC|N.Y.
Los Angeles|L.A.
Chicago
Houston
Phoenix
Philadelphia
San Antonio
San Diego
Dallas
San Jose
Austin
Jacksonville
San Francisco
Columbus
Fort Worth
Indianapolis
Charlotte
Seattle
Denver
Washington|Washington D.C.|Washington DC|D.C.|District of Columbia
Boston
El Paso
Nashville
Detroit
Oklahoma City
Portland
Las Vegas
Memphis
Louisville
Baltimore
Milwaukee
Albuquerque
Tucson
Sacramento
Kansas City
Atlanta
Miami
Omaha
Raleigh
Minneapolis
Cleveland
Tampa
New Orleans
Pittsburgh
Cincinnati
St. Louis|St Louis|Saint Louis
Orlando
Honolulu
Anchorage
Salt Lake City
Newark
Buffalo
Charleston
Richmond
Palm Beach|West Palm Beach
Brooklyn
Manhattan
Queens
Bronx|The Bronx
Staten Island
Hollywood
Berkeley
Oakland
Flint
Ferguson
Charlottesville
Baton Rouge
Alabama|Ala.
Alaska
Arizona|Ariz.
Arkansas|Ark.
California|Calif.
Colorado|Colo.
Connecticut|Conn.
Delaware
Florida|Fla.
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas|Kan.
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan|Mich.
Minnesota|Minn.
Mississippi
Missouri
Montana
Nebraska|Neb.
Nevada|Nev.
New Hampshire
New Jersey
New Mexico
North Carolina
North Dakota
Ohio
Oklahoma|Okla.
Oregon|Ore.
Pennsylvania|Penn.
Rhode Island
South Carolina
South Dakota
Tennessee|Tenn.
Texas|Tex.
Utah
Vermont
Virginia
Washington State
West Virginia
Wisconsin|Wis.
Wyoming
Ontario
British Columbia
Alberta
Bavaria
North Rhine-Westphalia|NRW
Lower Saxony
Saxony
Hesse
Baden-Wurttemberg|Baden-Württemberg
Brandenburg
Thuringia
Normandy
Corsica
Sicily
Sardinia
Andalusia
Basque Country
Flanders
Wallonia
Punjab
Kerala
Gujarat
Uttar Pradesh
Maharashtra
Bengal|West Bengal
Rakhine
Mindanao
Aceh
Papua
Sichuan
Guangdong
Hubei
Yunnan
Fujian
Hainan
Inner Mongolia
Hokkaido
Tasmania
Queensland
New South Wales
Victoria
Patagonia
Amazon Basin
Kurdish Region
Anbar
Nineveh
Helmand
Balochistan
Kandahar Province
Darfur
Tigray
Cyrenaica
Idlib Province
";

/// International and national organizations, government bodies, parties, armed groups,
/// news organizations and publications, major companies, universities and think tanks.
pub const ORGANIZATIONS: &str = "
United Nations|UN|U.N.
UN Security Council|U.N. Security Council|United Nations Security Council|UNSC|Security Council
European Union|EU|E.U.
European Commission
European Parliament
European Council
Council of Europe
NATO|Nato|North Atlantic Treaty Organization
OSCE|Organization for Security and Co-operation in Europe
IAEA|International Atomic Energy Agency
World Health Organization|WHO
International Monetary Fund|IMF
World Bank
World Trade Organization|WTO
OPEC
ASEAN|Association of Southeast Asian Nations
African Union
Arab League
Gulf Cooperation Council|GCC
G7|G-7|Group of Seven
G20|G-20|Group of 20|Group of Twenty
BRICS
Shanghai Cooperation Organisation|Shanghai Cooperation Organization|SCO
UNICEF
UNESCO
UNHCR|UN Refugee Agency
UNRWA
World Food Programme|WFP
International Criminal Court|ICC
International Court of Justice|ICJ
Interpol
Red Cross|International Committee of the Red Cross|ICRC
Amnesty International|Amnesty
Human Rights Watch|HRW
Doctors Without Borders|MSF|Medecins Sans Frontieres
Greenpeace
Oxfam
European Central Bank|ECB
Federal Reserve|Fed
OECD
Commonwealth
Collective Security Treaty Organization|CSTO
White House
Pentagon
Congress|US Congress|U.S. Congress
Senate|US Senate|U.S. Senate
House of Representatives
Supreme Court|US Supreme Court|U.S. Supreme Court
State Department|US State Department|U.S. State Department|Department of State
Justice Department|Department of Justice|DOJ
Department of Homeland Security|Homeland Security Department|DHS|Homeland Security
Defense Department|Department of Defense|DoD
Treasury|Treasury Department|US Treasury
Department of Health and Human Services|Health and Human Services|HHS
Office of Management and Budget|OMB
Ways and Means Committee|House Ways and Means Committee
FBI|Federal Bureau of Investigation
CIA|Central Intelligence Agency
NSA|National Security Agency
EPA|Environmental Protection Agency
Immigration and Customs Enforcement|ICE
FDA|Food and Drug Administration
CDC|Centers for Disease Control and Prevention
NASA
FEMA
TSA
IRS|Internal Revenue Service
Federal Communications Commission|FCC
Securities and Exchange Commission|SEC
Federal Aviation Administration|FAA
National Security Council|NSC
Secret Service
National Guard
Marine Corps|US Marine Corps|Marines
Air Force|US Air Force|U.S. Air Force
US Navy|U.S. Navy
Coast Guard
Republican Party|GOP
Republican National Committee|RNC
Democratic Party
Democratic National Committee|DNC
Electoral College
Kremlin
State Duma|Duma
Gazprom
Rosneft
Roscosmos
FSB
GRU
KGB
Wagner Group|Wagner
TASS
RIA Novosti
Sputnik
RT|Russia Today
Verkhovna Rada|Rada
Naftogaz
SBU
Downing Street|Number 10
House of Commons
House of Lords
Conservative Party|Tory Party
Labour Party|Labour
Liberal Democrats|Lib Dems
Scottish National Party|SNP
UKIP
Sinn Fein
Fianna Fail
Fine Gael
Democratic Unionist Party|DUP
Dail|Dail Eireann
Oireachtas
Seanad
Garda|Gardai|An Garda Siochana
HSE|Health Service Executive
RTE
NHS|National Health Service
MI5
MI6
Scotland Yard
Metropolitan Police|Met Police
Home Office
Foreign Office
Bundestag
CDU|Christian Democratic Union
SPD|Social Democratic Party
AfD|Alternative for Germany
CSU
Bundeswehr
Deutsche Bank
Volkswagen|VW
Siemens
BMW
Daimler
Mercedes-Benz|Mercedes
Lufthansa
Deutsche Welle|DW
Elysee|Elysee Palace
National Front|Front National
Airbus
Le Monde
Le Figaro
Agence France-Presse|AFP
Hamas
Hezbollah|Hizbollah
Taliban
Islamic State|ISIS|ISIL|IS|Daesh|Islamic State of Iraq and the Levant|Islamic State of Iraq and Syria
al-Qaeda|Al Qaeda|al-Qaida|Al-Qaeda|al Qaeda
al-Shabab|Al-Shabaab|al-Shabaab
Boko Haram
Houthis|Houthi|Ansar Allah
PKK|Kurdistan Workers' Party
YPG
Syrian Democratic Forces|SDF
Free Syrian Army|FSA
Hayat Tahrir al-Sham|HTS
Nusra Front|al-Nusra|al-Nusra Front
Muslim Brotherhood
Fatah
Palestinian Authority
PLO|Palestine Liberation Organization
Israel Defense Forces|IDF
Mossad
Knesset
Likud
Revolutionary Guards|IRGC|Islamic Revolutionary Guard Corps|Revolutionary Guard
Saudi Aramco|Aramco
Al Jazeera|Al-Jazeera|Aljazeera
Al Arabiya
Chinese Communist Party|Communist Party of China|CCP|CPC
People's Liberation Army|PLA
Xinhua
China Daily
Global Times
CCTV
Huawei
Alibaba
Tencent
ZTE
Bharatiya Janata Party|BJP
Kuomintang|KMT
Samsung
Hyundai
Sony
Toyota
Honda
Nissan
SoftBank
Kyodo|Kyodo News
NHK
Yonhap
Korean Central News Agency|KCNA
Reuters
Associated Press|AP
Bloomberg|Bloomberg News
Axios
Politico
CNN
Fox News|Fox
MSNBC
NBC|NBC News
CBS|CBS News
ABC News|ABC
NPR
PBS
BBC
Sky News
ITV
The Guardian|Guardian
New York Times|The New York Times|NYT
Washington Post|The Washington Post
Wall Street Journal|The Wall Street Journal|WSJ
Financial Times|FT
The Economist
Daily Mail
The Telegraph|Daily Telegraph
USA Today
Los Angeles Times|LA Times
Newsweek
BuzzFeed|BuzzFeed News
HuffPost|Huffington Post|The Huffington Post
Breitbart|Breitbart News
Kyiv Independent
Kyiv Post
Ukrainska Pravda
Interfax
Ukrinform
Kommersant
Izvestia
Novaya Gazeta
Meduza
Der Spiegel|Spiegel
Bild
Haaretz
Times of Israel
Jerusalem Post
Anadolu|Anadolu Agency
Twitter
Facebook
Instagram
YouTube
TikTok
WhatsApp
Google
Apple
Microsoft
Amazon
Tesla
SpaceX
Starlink
Uber
Netflix
Boeing
Lockheed Martin
Raytheon
Northrop Grumman
General Dynamics
General Motors|GM
ExxonMobil|Exxon Mobil|Exxon
Chevron
BP
Walmart
Goldman Sachs
JPMorgan|JP Morgan|JPMorgan Chase
Morgan Stanley
Citigroup|Citi
Bank of America
Wells Fargo
BlackRock
Pfizer
Moderna
AstraZeneca
Nike
Coca-Cola
PepsiCo
Starbucks
IBM
Intel
Nvidia
OpenAI
Yahoo
Snapchat
Airbnb
PayPal
eBay
Disney
Trump Organization
Harvard|Harvard University
Yale|Yale University
Stanford|Stanford University
Princeton|Princeton University
MIT|Massachusetts Institute of Technology
Oxford University|University of Oxford
Cambridge University|University of Cambridge
Columbia University
Georgetown|Georgetown University
Johns Hopkins|Johns Hopkins University
Atlantic Council
Brookings Institution|Brookings
RAND|RAND Corporation
Council on Foreign Relations|CFR
Heritage Foundation
Carnegie Endowment|Carnegie Endowment for International Peace
Chatham House
Institute for the Study of War|ISW
Pew Research Center|Pew
Gallup
FIFA
UEFA
International Olympic Committee|IOC
NFL
NBA
MLB|Major League Baseball
NHL
NCAA
Premier League
Bundesliga
Bayern Munich|Bayern|Bayern Munchen
Borussia Dortmund
Manchester United
Real Madrid
World Economic Forum|WEF
";

/// Events: recurring assemblies, wars, holidays, games and awards.
pub const EVENTS: &str = "
UN General Assembly|U.N. General Assembly|United Nations General Assembly|UNGA|General Assembly
World War II|Second World War|WWII|World War Two
World War I|First World War|WWI|World War One|Great War
Cold War
Holocaust
Arab Spring
Euromaidan|Maidan|Revolution of Dignity
Orange Revolution
Christmas|Christmas Day|Christmas Eve
Easter
Ramadan
Eid|Eid al-Fitr|Eid al-Adha
Thanksgiving
Hanukkah
Diwali
Passover
Yom Kippur
Lunar New Year|Chinese New Year|Spring Festival
New Year's Eve
New Year's Day|New Year
Halloween
Independence Day
Memorial Day
Labor Day
Veterans Day
Valentine's Day
Olympics|Olympic Games|Winter Olympics|Summer Olympics
Paralympics|Paralympic Games
World Cup
Super Bowl
Wimbledon
Eurovision|Eurovision Song Contest
Oscars|Academy Awards
Golden Globes|Golden Globe Awards
Grammys|Grammy Awards
Emmys|Emmy Awards
Munich Security Conference
Super Tuesday
Inauguration Day
Election Day
Watergate
";

/// Named things of no other kind: treaties, laws, plans, weapons, religions, currencies.
pub const OTHERS: &str = "
Brexit
Paris Agreement|Paris climate agreement|Paris Accord|Paris climate accord
Minsk agreements|Minsk Agreements|Minsk accords
Iran nuclear deal|JCPOA
Affordable Care Act|Obamacare
Nord Stream|Nord Stream 2
Patriot|PATRIOT
VX
GPS
HIMARS
ATACMS
Javelin
Tomahawk
Bitcoin
God
Belt and Road|Belt and Road Initiative|One Belt, One Road
Islam
Christianity
Judaism
Quran|Koran
Bible
";
