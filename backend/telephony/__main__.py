from backend.telephony.gateway import main

main()
